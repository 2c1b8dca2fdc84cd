// Dark and light: the system's choice (prefers-color-scheme, in dashboard.css) until the user
// presses the toggle; the choice is kept in localStorage. The page's colours are CSS variables
// switched by <html data-theme="dark|light">.

const KEY = 'obdio.theme';

function systemTheme() {
  return matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

export function setupTheme(button) {
  const apply = (theme) => {
    document.documentElement.dataset.theme = theme;
    button.textContent = theme === 'dark' ? '☀︎ light' : '☾ dark';
    button.setAttribute('aria-label', `switch to the ${theme === 'dark' ? 'light' : 'dark'} theme`);
  };
  apply(localStorage.getItem(KEY) ?? systemTheme());
  matchMedia('(prefers-color-scheme: dark)').addEventListener('change', () => {
    if (!localStorage.getItem(KEY)) apply(systemTheme());
  });
  button.addEventListener('click', () => {
    const next = document.documentElement.dataset.theme === 'dark' ? 'light' : 'dark';
    localStorage.setItem(KEY, next);
    apply(next);
  });
}
