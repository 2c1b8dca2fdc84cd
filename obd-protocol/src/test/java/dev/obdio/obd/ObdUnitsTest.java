package dev.obdio.obd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Conversions for display: the pint name stays the unit's name, and the numbers are right. */
class ObdUnitsTest {

    @Test
    void imperialConversions() {
        assertThat(Quantity.of(100.0, "kilometer_per_hour").to("mph").doubleValue()).isCloseTo(62.137119, within(1e-6));
        assertThat(Quantity.of(100.0, "kilometer_per_hour").to("mph").unit()).isEqualTo("mile_per_hour");
        assertThat(Quantity.of(100L, "degree_Celsius").to("degF")).isEqualTo(Quantity.of(212.0, "degree_Fahrenheit"));
        assertThat(Quantity.of(-40L, "degree_Celsius").to("°F").doubleValue()).isCloseTo(-40.0, within(1e-9));
        assertThat(Quantity.of(101.325, "kilopascal").to("psi").doubleValue()).isCloseTo(14.6959488, within(1e-6));
        assertThat(Quantity.of(100.0, "kilometer").to("mile").doubleValue()).isCloseTo(62.137119, within(1e-6));
        assertThat(Quantity.of(10.0, "gps").to("lb/min").doubleValue()).isCloseTo(1.3227736, within(1e-6));
        assertThat(Quantity.of(3.785411784, "lph").to("gph").doubleValue()).isCloseTo(1.0, within(1e-9));
        assertThat(Quantity.of(50.0, "percent").to("ratio").doubleValue()).isCloseTo(0.5, within(1e-12));
        assertThat(Quantity.of(90.0, "degree").to("radian").doubleValue()).isCloseTo(Math.PI / 2, within(1e-12));
    }

    @Test
    void toImperialPicksTheUsualUnit() {
        assertThat(ObdUnits.toImperial(Quantity.of(55.0, "kilometer_per_hour")).unit()).isEqualTo("mile_per_hour");
        assertThat(ObdUnits.toImperial(Quantity.of(36L, "degree_Celsius")).unit()).isEqualTo("degree_Fahrenheit");
        assertThat(ObdUnits.toImperial(Quantity.of(1726.0, "revolutions_per_minute")))
                .isEqualTo(Quantity.of(1726.0, "revolutions_per_minute"));
        assertThat(ObdUnits.toImperial(TextValue.str("x"))).isEqualTo(TextValue.str("x"));
        assertThat(ObdUnits.imperialFor("lph")).contains("gallon / hour");
    }

    @Test
    void everyDecoderUnitIsKnown() {
        for (ObdCommand c : ObdCommands.all()) {
            if (!c.unit().isEmpty()) {
                assertThat(ObdUnits.canonicalName(c.unit())).as(c.name()).contains(c.unit());
            }
        }
        for (int id : UnitsAndScaling.ids()) {
            UnitsAndScaling.unit(id).filter(u -> !u.startsWith("<")).ifPresent(u ->
                    assertThat(ObdUnits.unit(u)).as("UAS %02X %s", id, u).isPresent());
        }
    }

    @Test
    void badConversionsSayWhy() {
        assertThatThrownBy(() -> Quantity.of(1.0, "volt").to("mph")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot convert volt to mile_per_hour");
        assertThatThrownBy(() -> Quantity.of(1.0, "volt").to("furlong")).hasMessageContaining("unknown unit 'furlong'");
        assertThat(ObdUnits.canonicalName("c")).isEmpty(); // one-letter symbols are case-sensitive
        assertThat(ObdUnits.canonicalName("C")).contains("degree_Celsius");
    }
}
