// A number card: any command's value as text, numbers converted to the chosen units. It shows
// non-numeric values too (STATUS, fuel status, O2 sensors present, …), shortened.

import {h} from './dom.mjs';
import {formatValue, numberOf, unitLabel} from './units.mjs';

export class NumberCard {
  constructor(name, desc) {
    this.name = name;
    this.kind = 'number';
    this.response = null;
    this.value = h('span', {class: 'card-value'}, '—');
    this.unit = h('span', {class: 'card-unit'}, '');
    this.caption = h('figcaption', {}, desc);
    this.element = h('figure', {class: 'widget card', 'data-name': name, title: name},
      h('div', {class: 'card-line'}, this.value, this.unit), this.caption);
  }

  update(response) {
    this.response = response;
    this.render();
  }

  render() {
    const r = this.response;
    this.value.textContent = formatValue(r);
    this.unit.textContent = r ? unitLabel(r.unit) : '';
    const n = numberOf(r);
    this.value.classList.toggle('textual', Boolean(r) && n === null); // long text gets a smaller font
    this.element.dataset.value = n === null ? (r ? formatValue(r) : '') : String(n);
  }
}
