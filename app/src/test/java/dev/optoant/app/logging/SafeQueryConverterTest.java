package dev.optoant.app.logging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SafeQueryConverterTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            "NULL|''",
            "?|''",
            "?limit=7|?limit=7",
            "limit=7&order=desc|?limit=7&order=desc",
            "?key=sk-1&limit=7|?key=***&limit=7",
            "?api_key=a&apiKey=b&api-key=c&x-api-key=d|?api_key=***&apiKey=***&api-key=***&x-api-key=***",
            "?access_token=t&refresh_token=r&client_secret=s&password=p|?access_token=***&refresh_token=***&client_secret=***&password=***",
            "?X-Amz-Signature=s&sig=t&Authorization=Bearer%20x|?X-Amz-Signature=***&sig=***&Authorization=***",
            "?api%5Fkey=encoded-name|?api%5Fkey=***",
            "?%zz=undecodable-name|?%zz=***",
            "?monkey=banana&flag|?monkey=banana&flag"})
    void masksTheValuesOfSecretLookingParameters(String query, String expected) {
        assertThat(SafeQueryConverter.mask(query)).isEqualTo(expected);
    }
}
