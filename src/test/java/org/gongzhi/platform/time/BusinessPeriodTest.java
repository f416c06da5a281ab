package org.gongzhi.platform.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

/** Periods of the business calendar: natural bounds, instants in the zone, neighbours; the base of period indicators. */
class BusinessPeriodTest {

    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    @Test
    void aMonthRunsFromItsFirstDayToTheFirstOfTheNextInTheBusinessZone() {
        BusinessPeriod feb = BusinessPeriod.containing(PeriodKind.MONTH, LocalDate.parse("2028-02-17"), BEIJING);
        assertThat(feb.firstDay()).isEqualTo(LocalDate.parse("2028-02-01"));
        assertThat(feb.endDay()).isEqualTo(LocalDate.parse("2028-03-01"));
        assertThat(feb.lastDay()).isEqualTo(LocalDate.parse("2028-02-29"));
        assertThat(feb.days()).isEqualTo(29);
        assertThat(feb.start()).isEqualTo(Instant.parse("2028-01-31T16:00:00Z"));
        assertThat(feb.end()).isEqualTo(Instant.parse("2028-02-29T16:00:00Z"));
        assertThat(feb.contains(Instant.parse("2028-01-31T16:00:00Z"))).isTrue();
        assertThat(feb.contains(Instant.parse("2028-01-31T15:59:59.999999Z"))).isFalse();
        assertThat(feb.contains(Instant.parse("2028-02-29T16:00:00Z"))).isFalse();
        assertThat(feb.contains(LocalDate.parse("2028-02-29"))).isTrue();
        assertThat(feb.previous().firstDay()).isEqualTo(LocalDate.parse("2028-01-01"));
        assertThat(feb.next().endDay()).isEqualTo(LocalDate.parse("2028-04-01"));
    }

    @Test
    void weeksAreIsoWeeksQuartersAndYearsAreCalendarOnes() {
        BusinessPeriod week = BusinessPeriod.containing(PeriodKind.WEEK, LocalDate.parse("2027-01-01"), BEIJING);
        assertThat(week.firstDay()).isEqualTo(LocalDate.parse("2026-12-28"));
        assertThat(week.endDay()).isEqualTo(LocalDate.parse("2027-01-04"));
        BusinessPeriod quarter = BusinessPeriod.containing(PeriodKind.QUARTER, LocalDate.parse("2027-05-20"), BEIJING);
        assertThat(quarter.firstDay()).isEqualTo(LocalDate.parse("2027-04-01"));
        assertThat(quarter.endDay()).isEqualTo(LocalDate.parse("2027-07-01"));
        assertThat(quarter.previous().firstDay()).isEqualTo(LocalDate.parse("2027-01-01"));
        assertThat(quarter.next().next().firstDay()).isEqualTo(LocalDate.parse("2027-10-01"));
        BusinessPeriod year = BusinessPeriod.containing(PeriodKind.YEAR, LocalDate.parse("2027-12-31"), BEIJING);
        assertThat(year.start()).isEqualTo(Instant.parse("2026-12-31T16:00:00Z"));
        assertThat(year.days()).isEqualTo(365);
    }

    @Test
    void aCustomRangeHasNeighboursOfItsOwnLength() {
        BusinessPeriod range = new BusinessPeriod(PeriodKind.CUSTOM, LocalDate.parse("2027-03-10"), LocalDate.parse("2027-03-20"), BEIJING);
        assertThat(range.previous()).isEqualTo(new BusinessPeriod(PeriodKind.CUSTOM, LocalDate.parse("2027-02-28"),
                LocalDate.parse("2027-03-10"), BEIJING));
        assertThat(range.next().firstDay()).isEqualTo(LocalDate.parse("2027-03-20"));
        assertThatThrownBy(() -> new BusinessPeriod(PeriodKind.CUSTOM, LocalDate.parse("2027-03-10"), LocalDate.parse("2027-03-10"), BEIJING))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aDayIsWhateverTheZoneMakesIt() {
        ZoneId losAngeles = ZoneId.of("America/Los_Angeles");
        BusinessPeriod shortDay = BusinessPeriod.containing(PeriodKind.DAY, LocalDate.parse("2027-03-14"), losAngeles);
        assertThat(Duration.between(shortDay.start(), shortDay.end())).isEqualTo(Duration.ofHours(23));
        assertThat(BusinessPeriod.containing(PeriodKind.DAY, LocalDate.parse("2027-03-14"), BEIJING).start())
                .isEqualTo(Instant.parse("2027-03-13T16:00:00Z"));
    }
}
