package org.gongzhi.platform;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.gongzhi.support.GraphQLTest;
import org.junit.jupiter.api.Test;

/**
 * The served GraphQL schema must equal the committed SDL (src/main/graphql/schema.graphql), so every API
 * change shows up in review. After an intended change run the tests with -Dgongzhi.sdl.update=true once.
 */
@GraphQLTest
class SchemaSnapshotTest {

    static final Path SNAPSHOT = Path.of("src/main/graphql/schema.graphql");

    @Test
    void servedSchemaMatchesTheCommittedSdl() throws IOException {
        String served = given().when().get("/graphql/schema.graphql").then().statusCode(200).extract().asString()
                .replace("\r\n", "\n").strip() + "\n";
        if (Boolean.getBoolean("gongzhi.sdl.update") || !Files.exists(SNAPSHOT)) {
            Files.writeString(SNAPSHOT, served, StandardCharsets.UTF_8);
        }
        String committed = Files.readString(SNAPSHOT, StandardCharsets.UTF_8);
        assertThat(served)
                .as("The served schema differs from %s; if the change is intended, rerun with -Dgongzhi.sdl.update=true and commit", SNAPSHOT)
                .isEqualTo(committed);
    }
}
