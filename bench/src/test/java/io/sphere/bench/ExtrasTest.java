package io.sphere.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.Statement;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The generator fills a table it has never seen from its schema alone. Needs an empty scratch database whose name
 * contains "bench" (its public schema is dropped):
 * {@code mvn -Pbench -pl bench verify -Dsphere.bench.test.db=jdbc:postgresql://127.0.0.1:5432/sphere_t_bench}.
 */
@EnabledIfSystemProperty(named = "sphere.bench.test.db", matches = ".*bench.*")
class ExtrasTest {

    @Test
    void fillsTasksAndRemindersFromTheirSchemaForNewCardsOnly() throws Exception {
        World world = new World(System.getProperty("sphere.bench.test.db"), "sphere", "sphere", "key");
        try (Connection c = world.connect(); Statement st = c.createStatement()) {
            st.execute("DROP SCHEMA public CASCADE");
            st.execute("CREATE SCHEMA public");
            st.execute("""
                    CREATE TABLE app_user (id bigserial PRIMARY KEY);
                    CREATE TABLE user_group (id bigserial PRIMARY KEY);
                    CREATE TABLE card (id bigserial PRIMARY KEY, key text NOT NULL, created_at timestamptz NOT NULL,
                                       candidate_group_id bigint REFERENCES user_group (id));
                    CREATE TABLE task (
                        id bigserial PRIMARY KEY,
                        card_id bigint REFERENCES card (id),
                        assignee_id bigint REFERENCES app_user (id),
                        title text NOT NULL CHECK (char_length(title) BETWEEN 1 AND 300),
                        status text NOT NULL CHECK (status IN ('OPEN', 'DONE', 'CANCELLED')),
                        due_at timestamptz,
                        created_at timestamptz NOT NULL,
                        version bigint NOT NULL DEFAULT 0);
                    CREATE TABLE reminder (
                        id bigserial PRIMARY KEY,
                        user_id bigint NOT NULL REFERENCES app_user (id),
                        task_id bigint REFERENCES task (id),
                        remind_at timestamptz NOT NULL,
                        delivered_at timestamptz);
                    INSERT INTO app_user DEFAULT VALUES;
                    INSERT INTO app_user DEFAULT VALUES;
                    INSERT INTO user_group DEFAULT VALUES;
                    INSERT INTO card (key, created_at, candidate_group_id)
                        SELECT 'T-' || n, now(), 1 FROM generate_series(1, 100) n;
                    """);
        }
        world.operatorIds.addAll(List.of(1L, 2L));
        Extras extras = new Extras(world);
        extras.fill();
        try (Connection c = world.connect(); Statement st = c.createStatement()) {
            assertEquals(50, World.count(c, "SELECT count(*) FROM task"));
            assertEquals(10, World.count(c, "SELECT count(*) FROM reminder"));
            assertEquals(50, World.count(c, "SELECT count(*) FROM task WHERE status = 'OPEN' AND card_id % 2 = 0 "
                    + "AND assignee_id IN (1, 2) AND title LIKE 'Bench T-%'"));
            st.execute("INSERT INTO card (key, created_at) SELECT 'U-' || n, now() FROM generate_series(1, 20) n");
        }
        extras.fill();
        try (Connection c = world.connect()) {
            assertEquals(60, World.count(c, "SELECT count(*) FROM task"), "only the new cards get rows");
        }
        List<String> notes = extras.notes();
        assertTrue(notes.stream().anyMatch(n -> n.contains("`task`") && n.contains("60 rows")), notes.toString());
        assertTrue(notes.stream().anyMatch(n -> n.contains("`reminder`") && n.contains("12 rows")), notes.toString());
    }
}
