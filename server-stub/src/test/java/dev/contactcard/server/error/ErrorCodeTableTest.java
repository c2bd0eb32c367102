package dev.contactcard.server.error;

import static org.assertj.core.api.Assertions.assertThat;

import dev.contactcard.spec.ContactCardSpec;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * {@link ErrorCode} is the spec's error-code table (the table in its {@code info.description}),
 * row for row: every row has its constant with the same status and code, and every constant has
 * its row. The table is read from the parsed spec, so any layout of the YAML that keeps its meaning
 * reads the same.
 */
class ErrorCodeTableTest {

    private static final Pattern ROW = Pattern.compile("(?m)^\\|\\s*(\\d{3})\\s*\\|\\s*(\\d{4})\\s*\\|");

    @Test
    void everyRowOfTheSpecsCodeTableIsAnErrorCodeAndEveryErrorCodeIsARow() {
        Set<String> table = rowsOfTheSpecsTable();
        Set<String> constants = Arrays.stream(ErrorCode.values())
                .map(code -> code.status().value() + "/" + code.code())
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(table).as("rows of the spec's code table").hasSizeGreaterThan(10);
        assertThat(constants)
                .as("ErrorCode against the spec's table (status/code)")
                .containsExactlyInAnyOrderElementsOf(table);
    }

    private static Set<String> rowsOfTheSpecsTable() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        String description = new OpenAPIV3Parser()
                .readContents(ContactCardSpec.text(), null, options)
                .getOpenAPI()
                .getInfo()
                .getDescription();
        Set<String> rows = new TreeSet<>();
        Matcher row = ROW.matcher(description);
        while (row.find()) {
            rows.add(row.group(1) + "/" + row.group(2));
        }
        return rows;
    }
}
