package org.letterdesk.personaldata;

import org.junit.jupiter.api.Test;
import org.letterdesk.events.Sender;

import static org.assertj.core.api.Assertions.assertThat;

class PersonalDataMaskTest {

    @Test
    void masksAsTheContractSays() {
        Sender masked = PersonalDataMask.mask(new Sender("张三", null, "+86 138-0013-8000", "Zhang.San@Example.com",
                "上海市浦东新区世纪大道100号", "11010519491231002X"));
        assertThat(masked.phone()).isEqualTo("138****8000");
        assertThat(masked.email()).isEqualTo("Z***@Example.com");
        assertThat(masked.address()).isEqualTo("上海市浦东新****");
        assertThat(masked.idNumber()).isEqualTo("110105********002X");
        assertThat(masked.name()).isEqualTo("张三");
    }

    @Test
    void erasedAndMissingValuesStayAsTheyAre() {
        assertThat(PersonalDataMask.phone(PersonalDataMask.ERASED)).isEqualTo(PersonalDataMask.ERASED);
        assertThat(PersonalDataMask.email(null)).isNull();
        assertThat(PersonalDataMask.phone("12345")).isEqualTo("****");
    }

    @Test
    void aMailServersTextHasItsAddressesMasked() {
        assertThat(PersonalDataMask.emailsIn("550 5.1.1 <zhang.san@example.com>: Recipient address rejected"))
                .isEqualTo("550 5.1.1 <z***@example.com>: Recipient address rejected");
        assertThat(PersonalDataMask.emailsIn("Connection refused")).isEqualTo("Connection refused");
        assertThat(PersonalDataMask.emailsIn(null)).isNull();
    }
}
