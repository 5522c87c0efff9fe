package dev.sluice.url;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The one list of tracking parameters, and the names users add to it. */
class TrackingParametersTest {

    @ParameterizedTest
    @ValueSource(strings = {"utm_source", "utm_medium", "utm_campaign", "utm_term", "utm_content", "utm_id", "UTM_Source",
        "fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid", "yclid", "igshid", "_hsenc", "_hsmi", "ref", "ref_src",
        "ref_url", "spm", "si", "__twitter_impression", "mtm_campaign", "pk_campaign", "xtor", "wt_mc"})
    void theStandardListHasTheUsualSuspects(String name) {
        assertThat(TrackingParameters.standard().matches(name)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"id", "page", "q", "v", "p", "sid", "session", "referrer", "utm", "utmost", "siz", "", "lang"})
    void parametersThatChooseThePageAreNot(String name) {
        assertThat(TrackingParameters.standard().matches(name)).isFalse();
    }

    @Test
    void usersAddNamesAndPrefixesSeparatedByCommasOrSpaces() {
        TrackingParameters p = TrackingParameters.standardPlus(" sessionid,  cmp_* ;src\nSC ");
        assertThat(p.matches("sessionid")).isTrue();
        assertThat(p.matches("CMP_medium")).isTrue();
        assertThat(p.matches("cmp")).isFalse();
        assertThat(p.matches("src")).isTrue();
        assertThat(p.matches("sc")).isTrue();
        assertThat(p.matches("utm_source")).as("the standard list stays").isTrue();
        assertThat(TrackingParameters.standardPlus("  ")).isSameAs(TrackingParameters.standard());
        assertThat(TrackingParameters.standardPlus(null)).isSameAs(TrackingParameters.standard());
    }

    @Test
    void unusableNamesAreRefusedWithAReason() {
        assertThatThrownBy(() -> TrackingParameters.standardPlus("a, *")).hasMessageContaining("every parameter");
        assertThatThrownBy(() -> TrackingParameters.standardPlus("x".repeat(101))).hasMessageContaining("longer than 100");
        assertThatThrownBy(() -> TrackingParameters.standardPlus("p,".repeat(101))).hasMessageContaining("At most 100");
        assertThat(TrackingParameters.standardPlus("p,".repeat(100)).matches("p")).isTrue();
    }
}
