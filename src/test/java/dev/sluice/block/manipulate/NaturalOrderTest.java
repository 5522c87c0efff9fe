package dev.sluice.block.manipulate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class NaturalOrderTest {

    @ParameterizedTest(name = "{0} vs {1}")
    @CsvSource(delimiter = '|', value = {
            "item 2    | item 10  | -1",
            "item 10   | item 2   | 1",
            "Item 2    | item 2   | 0",
            "apple     | Banana   | -1",
            "part 007  | part 7   | 0",
            "part 007  | part 8   | -1",
            "v1.10     | v1.9     | 1",
            "a         | ab       | -1",
            "x99       | x100     | -1",
            "99 bottles| 100 bottles | -1",
            "2024-06-30| 2024-06-03 | 1",
            "0         | 00       | 0",
            "Zebra     | apple    | 1",
            "é         | É        | 0"})
    void comparesNumbersByValueAndLettersIgnoringCase(String a, String b, int sign) {
        assertThat(Integer.signum(NaturalOrder.INSTANCE.compare(a.strip(), b.strip()))).isEqualTo(sign);
        assertThat(Integer.signum(NaturalOrder.INSTANCE.compare(b.strip(), a.strip()))).isEqualTo(-sign);
    }

    @Test
    void sortsALibraryOfEpisodes() {
        List<String> titles = new ArrayList<>(List.of("Episode 10", "episode 9", "Episode 100", "Episode 1", "Bonus"));
        titles.sort(NaturalOrder.INSTANCE);
        assertThat(titles).containsExactly("Bonus", "Episode 1", "episode 9", "Episode 10", "Episode 100");
    }
}
