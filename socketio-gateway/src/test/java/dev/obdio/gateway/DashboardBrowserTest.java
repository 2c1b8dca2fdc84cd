package dev.obdio.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.obdio.sim.DtcStatus;
import dev.obdio.sim.EmbeddedVehicle;
import dev.obdio.sim.SimulatedEcu;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.logging.Level;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.Select;

/**
 * The dashboard in a real browser (headless chromium), against what {@code obdio serve} runs: the
 * embedded simulated vehicle, {@link ObdIo} and {@link ObdIo#serveDashboard()}. Expected values come
 * from the simulator's model, never from literals. One browser serves every test (ordered: the
 * later ones use the page the first one loaded); screenshots go to {@code target/screenshots/}.
 */
@Tag("browser")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardBrowserTest {
    private static final List<String> DEFAULT_GAUGES = List.of("RPM", "SPEED", "COOLANT_TEMP", "ENGINE_LOAD",
            "THROTTLE_POS", "FUEL_LEVEL");

    private EmbeddedVehicle car;
    private ObdIo io;
    private String url;
    private Browser browser;
    private WebDriver driver;

    @BeforeAll
    void start() throws Exception {
        Browser.assumeInstalled();
        car = EmbeddedVehicle.start();
        io = new ObdIo();
        io.connectObd(car.busName());
        io.createServer(TestGateways.local());
        io.serveDashboard();
        io.start();
        url = io.server().url();
        browser = Browser.start();
        driver = browser.driver;
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.close();
        }
        if (io != null) {
            io.close();
        }
        if (car != null) {
            car.close();
        }
    }

    private static ConditionFactory within(int seconds) {
        return await().atMost(Duration.ofSeconds(seconds)).pollInSameThread().pollInterval(Duration.ofMillis(100))
                .ignoreExceptions();
    }

    private String attr(String css, String name) {
        return driver.findElement(By.cssSelector(css)).getAttribute(name);
    }

    private String text(String css) {
        return driver.findElement(By.cssSelector(css)).getText();
    }

    private void view(String name) {
        driver.findElement(By.id("tab-" + name)).click();
        within(5).until(() -> driver.findElement(By.id("view-" + name)).isDisplayed());
    }

    @Test
    @Order(1)
    void pageConnectsAndShowsTheSimulatorsVin() throws IOException {
        driver.get(url);
        within(20).until(() -> attr("#conn-state", "data-state"), "connected"::equals);
        String vin = car.vehicle().description().vin();
        within(40).until(() -> attr("#vin", "data-vin"), vin::equals); // the page asks again when a read misses
        assertThat(text("#vin")).contains(vin);
        within(10).until(() -> text("#vehicle-status"), t -> t.contains("Car Connected"));
        assertThat(text("#bus")).isEqualTo(car.busName());
        assertThat(text("#protocol")).isNotBlank();

        @SuppressWarnings("unchecked")
        List<String> loaded = (List<String>) ((JavascriptExecutor) driver).executeScript(
                "return performance.getEntriesByType('resource').map(e => e.name)");
        assertThat(loaded).as("what the page loaded").isNotEmpty()
                .allSatisfy(u -> assertThat(u).as("loaded from the gateway only").startsWith(url));
    }

    @Test
    @Order(2)
    void rpmGaugeMovesWithPushedUpdates() throws IOException {
        String first = within(20).until(() -> attr(".gauge[data-name=RPM]", "data-value"), v -> !v.isEmpty());
        within(20).until(() -> attr(".gauge[data-name=RPM]", "data-value"), v -> !v.isEmpty() && !v.equals(first));
        assertThat(driver.findElements(By.cssSelector("#widgets .gauge")))
                .extracting(e -> e.getAttribute("data-name")).containsExactlyElementsOf(DEFAULT_GAUGES);
        for (String name : List.of("SPEED", "COOLANT_TEMP", "ENGINE_LOAD")) {
            within(10).until(() -> attr(".gauge[data-name=" + name + "]", "data-value"), v -> !v.isEmpty());
        }
        browser.screenshot("desktop-live");
    }

    @Test
    @Order(3)
    void unitsSwitchBetweenMetricAndImperial() {
        assertThat(text(".gauge[data-name=SPEED] .gauge-unit")).isEqualTo("km/h");
        driver.findElement(By.id("units-toggle")).click();
        within(5).until(() -> text(".gauge[data-name=SPEED] .gauge-unit"), "mph"::equals);
        within(5).until(() -> text(".gauge[data-name=COOLANT_TEMP] .gauge-unit"), "°F"::equals);
        driver.findElement(By.id("units-toggle")).click();
        within(5).until(() -> text(".gauge[data-name=SPEED] .gauge-unit"), "km/h"::equals);
    }

    @Test
    @Order(4)
    void pickerAddsANumberCardAndAChart() throws IOException {
        Select command = new Select(driver.findElement(By.id("picker-command")));
        within(10).until(() -> command.getOptions().size(), n -> n > DEFAULT_GAUGES.size());
        String name = command.getOptions().stream().map(o -> o.getAttribute("value"))
                .filter(v -> !DEFAULT_GAUGES.contains(v)).findFirst().orElseThrow();
        command.selectByValue(name);
        new Select(driver.findElement(By.id("picker-kind"))).selectByValue("number");
        driver.findElement(By.id("picker-add")).click();
        within(15).until(() -> attr(".card[data-name=" + name + "]", "data-value"), v -> !v.isEmpty());

        command.selectByValue("RPM");
        new Select(driver.findElement(By.id("picker-kind"))).selectByValue("chart");
        driver.findElement(By.id("picker-add")).click();
        within(15).until(() -> Integer.parseInt(attr(".chart[data-name=RPM]", "data-samples")), n -> n >= 3);
        browser.screenshot("desktop-live-added");

        // removing the chart keeps the RPM gauge fed: the subscription stays while a widget uses it
        driver.findElement(By.cssSelector(".chart[data-name=RPM] .remove")).click();
        assertThat(driver.findElements(By.cssSelector(".chart[data-name=RPM]"))).isEmpty();
        String before = attr(".gauge[data-name=RPM]", "data-value");
        within(20).until(() -> attr(".gauge[data-name=RPM]", "data-value"), v -> !v.equals(before));
    }

    @Test
    @Order(5)
    void dtcViewListsExactlyTheSimulatorsCodesWithoutAClearButton() throws IOException {
        view("dtc");
        for (String kind : List.of("stored", "pending", "permanent")) {
            List<String> expected = simulatorCodes(kind);
            within(20).until(() -> pageCodes(kind), codes -> codes.equals(expected));
        }
        assertThat(simulatorCodes("stored").size() + simulatorCodes("pending").size()).as("the sim holds DTCs")
                .isPositive();
        assertThat(driver.findElements(By.cssSelector("#dtc-pending .dtc-desc")))
                .allSatisfy(e -> assertThat(e.getText()).isNotBlank());
        assertThat(text("#mil")).startsWith("MIL");
        assertThat(driver.findElement(By.id("dtc-clear")).isDisplayed()).as("clear offered without writes").isFalse();
        browser.screenshot("desktop-dtc");
    }

    /** "CODE ECU" of one kind of DTC, as the simulated ECUs hold them, sorted by ECU then as held. */
    private List<String> simulatorCodes(String kind) {
        List<SimulatedEcu> ecus = new ArrayList<>(car.vehicle().ecus());
        ecus.sort((a, b) -> Integer.compare(a.ids().responseId(), b.ids().responseId()));
        Predicate<DtcStatus> held = switch (kind) {
            case "stored" -> DtcStatus::stored;
            case "pending" -> DtcStatus::pending;
            default -> DtcStatus::permanent;
        };
        List<String> out = new ArrayList<>();
        for (SimulatedEcu e : ecus) {
            String ecu = DtcReport.ecuName(e.ids().responseId());
            e.dtcs().stream().filter(held).forEach(d -> out.add(d.code() + " " + ecu));
        }
        return out.stream().sorted().toList();
    }

    private List<String> pageCodes(String kind) {
        List<String> out = new ArrayList<>();
        for (WebElement li : driver.findElements(By.cssSelector("#dtc-" + kind + " li.dtc"))) {
            out.add(li.getAttribute("data-code") + " " + li.findElement(By.cssSelector(".dtc-ecu")).getText().split(" ")[0]);
        }
        return out.stream().sorted().toList();
    }

    @Test
    @Order(6)
    void vehicleViewShowsEveryEcuAndTheCommandsByMode() throws IOException {
        view("vehicle");
        Set<String> expected = new HashSet<>();
        car.vehicle().ecus().forEach(e -> expected.add(DtcReport.ecuName(e.ids().responseId())));
        within(20).until(() -> new HashSet<>(driver.findElements(By.cssSelector("#ecu-table tbody tr")).stream()
                .map(r -> r.getAttribute("data-ecu")).toList()), expected::equals);
        within(10).until(() -> driver.findElements(By.cssSelector("#commands-by-mode details[data-mode='01']")).size(),
                n -> n == 1);
        assertThat(text("#vehicle-facts")).contains(car.vehicle().description().vin());
        browser.screenshot("desktop-vehicle");
    }

    @Test
    @Order(7)
    void canViewShowsTheSimulatorsFramesFilteredAndPaused() throws IOException {
        view("can");
        Set<String> simIds = new HashSet<>();
        simIds.add(DtcReport.ecuName(car.vehicle().functionalId()));
        for (SimulatedEcu e : car.vehicle().ecus()) {
            simIds.add(DtcReport.ecuName(e.ids().requestId()));
            simIds.add(DtcReport.ecuName(e.ids().responseId()));
        }
        within(20).until(this::rowIds, ids -> !ids.isEmpty());
        assertThat(rowIds()).isSubsetOf(simIds);
        within(10).until(() -> Double.parseDouble(attr("#can-rate", "data-rate")), r -> r > 0);
        within(10).until(() -> text("#can-log"), t -> !t.isBlank());
        browser.screenshot("desktop-can");

        String engineAnswer = DtcReport.ecuName(car.vehicle().ecus().get(0).ids().responseId());
        WebElement filter = driver.findElement(By.id("can-filter"));
        filter.sendKeys(engineAnswer + ":7FF");
        driver.findElement(By.id("can-clear")).click();
        driver.findElement(By.id("can-apply")).click();
        within(10).until(() -> text("#can-status"), t -> t.contains(engineAnswer + ":7FF"));
        driver.findElement(By.id("can-clear")).click();
        within(20).until(this::rowIds, ids -> ids.equals(Set.of(engineAnswer)));

        filter.clear();
        filter.sendKeys("nonsense");
        driver.findElement(By.id("can-apply")).click();
        within(10).until(() -> text("#can-status"), t -> t.contains("bad filter"));

        driver.findElement(By.id("can-pause")).click();
        within(5).until(() -> text("#can-status"), "paused"::equals);
        String count = text("#can-rows");
        within(5).until(() -> attr("#can-rate", "data-rate"), "0"::equals);
        assertThat(text("#can-rows")).isEqualTo(count);
        driver.findElement(By.id("can-pause")).click();
    }

    /** The ids of the sniffer's rows, read in one script: the table is redrawn ten times a second. */
    @SuppressWarnings("unchecked")
    private Set<String> rowIds() {
        return new HashSet<>((List<String>) ((JavascriptExecutor) driver).executeScript(
                "return [...document.querySelectorAll('#can-rows tr')].map(r => r.dataset.id)"));
    }

    @Test
    @Order(8)
    void themeToggleSwitchesBetweenDarkAndLight() {
        view("live");
        String before = attr("html", "data-theme");
        String background = bodyBackground();
        driver.findElement(By.id("theme-toggle")).click();
        String after = attr("html", "data-theme");
        assertThat(Set.of(before, after)).containsExactlyInAnyOrder("dark", "light");
        assertThat(bodyBackground()).isNotEqualTo(background);
        driver.navigate().refresh();
        within(10).until(() -> attr("html", "data-theme"), after::equals); // the choice is kept
        within(20).until(() -> attr("#conn-state", "data-state"), "connected"::equals);
    }

    private String bodyBackground() {
        return (String) ((JavascriptExecutor) driver).executeScript(
                "return getComputedStyle(document.body).backgroundColor");
    }

    @Test
    @Order(9)
    void phoneSizedViewportHasNoHorizontalOverflow() throws IOException {
        Dimension desktop = driver.manage().window().getSize();
        driver.manage().window().setSize(new Dimension(390, 844));
        try {
            for (String v : List.of("live", "dtc", "vehicle", "can")) {
                view(v);
                within(10).until(() -> ((Number) ((JavascriptExecutor) driver).executeScript(
                        "return window.innerWidth")).intValue(), w -> w <= 420);
                long overflow = (Long) ((JavascriptExecutor) driver).executeScript(
                        "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
                assertThat(overflow).as("horizontal overflow of the %s view on a phone", v).isLessThanOrEqualTo(0);
                browser.screenshot("phone-" + v);
            }
        } finally {
            driver.manage().window().setSize(desktop);
        }
    }

    @Test
    @Order(10)
    void noScriptErrorsOnTheConsole() {
        List<String> severe = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.WARNING.intValue()).map(LogEntry::toString).toList();
        assertThat(severe).as("console warnings and errors of the page").isEmpty();
    }

    @Test
    @Order(11)
    void reconnectsByItselfWhenTheServerDropsItAndSubscribesAgain() {
        view("live");
        within(20).until(() -> attr("#conn-state", "data-state"), "connected"::equals);
        assertThat(io.server().clients().count()).isEqualTo(1);
        io.server().clients().all().forEach(GatewayClient::disconnect);
        within(20).until(() -> text("#conn-state"), t -> t.startsWith("gateway reconnected"));
        assertThat(attr("#conn-state", "data-state")).isEqualTo("connected");
        String before = attr(".gauge[data-name=RPM]", "data-value");
        within(20).until(() -> attr(".gauge[data-name=RPM]", "data-value"), v -> !v.isEmpty() && !v.equals(before));
    }

    @Test
    @Order(12)
    void withWritesAllowedTheTokenHolderGetsAClearButtonThatAsksFirst() throws Exception {
        // a browser of its own: a fresh profile, as a phone that never saw the first gateway
        browser.close();
        browser = Browser.start();
        driver = browser.driver;
        try (ObdIo writable = new ObdIo()) {
            writable.connectObd(car.busName());
            writable.createServer(TestGateways.local().withToken("dash-token").withAllowWrite(true));
            writable.serveDashboard();
            writable.start();
            driver.get(writable.server().url() + "?token=dash-token#dtc");
            within(20).until(() -> attr("#conn-state", "data-state"), "connected"::equals);
            within(20).until(() -> driver.findElement(By.id("dtc-clear")).isDisplayed());

            driver.findElement(By.id("dtc-clear")).click();
            Alert confirm = within(5).until(() -> driver.switchTo().alert(), a -> a != null);
            assertThat(confirm.getText().toLowerCase(Locale.ROOT)).contains("freeze frames");
            confirm.dismiss();
            assertThat(text("#dtc-clear-result")).isEmpty();

            driver.findElement(By.id("dtc-clear")).click();
            within(5).until(() -> driver.switchTo().alert(), a -> a != null).accept();
            within(20).until(() -> text("#dtc-clear-result"), t -> t.startsWith("cleared by") || t.startsWith("not cleared"));
            for (String kind : List.of("stored", "pending", "permanent")) {
                within(20).until(() -> pageCodes(kind), codes -> codes.equals(simulatorCodes(kind)));
            }
            browser.screenshot("desktop-dtc-writable");

            driver.get(writable.server().url() + "?token=wrong");
            within(20).until(() -> attr("#conn-state", "data-state"), s -> s.equals("refused") || s.equals("reconnecting"));
            within(20).until(() -> text("#conn-state"), t -> t.contains("reconnecting") && t.contains("not authorized"));
        }
    }
}
