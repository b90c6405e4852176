package org.letterdesk.time;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class ContractTimeTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** RFC 3339's date-time with a numeric offset of hours and minutes only (or Z). */
    private static final String RFC_3339 =
            "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?([+-]\\d{2}:\\d{2}|Z)";

    @Test
    void localMeanTimeIsWrittenWithAWholeMinuteOffsetForTheSameInstant() {
        Instant instant = Instant.parse("1900-06-01T01:54:17Z"); // 10:00 local mean time (+08:05:43)
        assertThat(SHANGHAI.getRules().getOffset(instant).getTotalSeconds() % 60).isNotZero();

        String written = ContractTime.format(instant, SHANGHAI);

        assertThat(written).isEqualTo("1900-06-01T09:59:17+08:05").matches(RFC_3339);
        assertThat(OffsetDateTime.parse(written).toInstant()).isEqualTo(instant);
    }

    @Test
    void everyYearOfTheRangeIsWrittenAsRfc3339() {
        for (int year = ContractTime.FIRST_YEAR; year <= ContractTime.LAST_YEAR; year += 7) {
            Instant instant = OffsetDateTime.of(year, 6, 15, 12, 30, 0, 0, ZoneOffset.UTC).toInstant();
            String written = ContractTime.format(instant, SHANGHAI);
            assertThat(written).as("year %d", year).matches(RFC_3339);
            assertThat(OffsetDateTime.parse(written).toInstant()).isEqualTo(instant);
        }
    }

    @Test
    void modernTimesKeepTheZonesOffsetIncludingSummerTime() {
        assertThat(ContractTime.format(Instant.parse("2026-09-30T07:00:00Z"), SHANGHAI))
                .isEqualTo("2026-09-30T15:00:00+08:00");
        assertThat(ContractTime.format(Instant.parse("1988-07-01T00:00:00Z"), SHANGHAI))
                .isEqualTo("1988-07-01T09:00:00+09:00");
        assertThat(ContractTime.format(Instant.parse("2026-09-30T07:00:00Z"), ZoneOffset.UTC))
                .isEqualTo("2026-09-30T07:00:00Z");
    }

    @Test
    void westernOffsetsWithSecondsAreCutTowardZero() {
        ZoneId detroit = ZoneId.of("America/Detroit"); // local mean time -05:32:11 before 1905
        Instant instant = Instant.parse("1900-01-01T12:00:00Z");
        assertThat(ContractTime.format(instant, detroit)).isEqualTo("1900-01-01T06:28:00-05:32");
    }

    @Test
    void onlyFourDigitLocalYearsAreWritable() {
        assertThat(ContractTime.writable(Instant.parse("0001-01-01T00:00:00Z"), SHANGHAI)).isTrue();
        assertThat(ContractTime.writable(Instant.parse("9999-12-31T15:59:59Z"), SHANGHAI)).isTrue();
        // 9999-12-31T16:00Z is already the year 10000 in Shanghai
        assertThat(ContractTime.writable(Instant.parse("9999-12-31T16:00:00Z"), SHANGHAI)).isFalse();
        assertThat(ContractTime.writable(Instant.parse("0000-12-31T15:00:00Z"), SHANGHAI)).isFalse();
        assertThat(ContractTime.writable(Instant.MAX, SHANGHAI)).isFalse();
        assertThat(ContractTime.writable(Instant.MIN, SHANGHAI)).isFalse();
        assertThat(ContractTime.writable(OffsetDateTime.parse("+10000-01-01T00:00:00Z"), SHANGHAI)).isFalse();
        assertThat(ContractTime.writable(OffsetDateTime.parse("2026-11-30T10:00:00+08:00"), SHANGHAI)).isTrue();
    }

    @Test
    void anInstantBeyondTheLocalDateRangeIsStillWrittenInUtc() {
        assertThat(ContractTime.format(Instant.MAX, SHANGHAI)).isEqualTo(Instant.MAX.toString());
    }
}
