package io.camelparadigm.component.paradigm.state;

import java.io.IOException;
import java.time.Duration;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import io.camelparadigm.component.paradigm.ParadigmComponent;
import io.camelparadigm.component.paradigm.ParadigmConstants;
import io.camelparadigm.emulator.ParadigmEmulatorExtension;
import io.camelparadigm.emulator.SeedFile;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.apache.camel.CamelContext;
import org.apache.camel.Message;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.ScheduledPollConsumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The JDBC state repository against a real PostgreSQL started in-process. */
class JdbcStateRepositoryTest {

    @RegisterExtension
    static final ParadigmEmulatorExtension EMULATOR = ParadigmEmulatorExtension.builder()
            .manualClock().stepDuration(Duration.ofHours(1)).build(); // a seeded file stays pending until completeAll

    /** Well past the consumer's overlap (2 s) and the Date's second: a change is then listed by the next poll. */
    private static final Duration SETTLE = Duration.ofMinutes(1);

    private static EmbeddedPostgres postgres;
    private static DataSource database;

    @BeforeAll
    static void startPostgres() throws IOException {
        postgres = EmbeddedPostgres.builder().setPGStartupWait(Duration.ofSeconds(60)).start();
        database = postgres.getPostgresDatabase();
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        postgres.close();
    }

    @Test
    void aSecondInstanceReadsWhatTheFirstCommittedWithoutCaching() throws Exception {
        JdbcStateRepository first = repository("read_through");
        JdbcStateRepository second = repository("read_through");
        assertThat(second.getState("events")).isNull();

        first.setState("events", "{\"watermark\":\"1\"}");
        assertThat(second.getState("events")).isEqualTo("{\"watermark\":\"1\"}");
        first.setState("events", "{\"watermark\":\"2\"}");
        assertThat(second.getState("events")).isEqualTo("{\"watermark\":\"2\"}");
        assertThat(rows("read_through")).isEqualTo(1);
    }

    @Test
    void keysAreIndependentAndANullValueRemovesTheKey() throws Exception {
        JdbcStateRepository repository = repository("keys");
        repository.setState("audit", "a");
        repository.setState("alerts", "b");
        repository.setState("audit", null);
        assertThat(repository.getState("audit")).isNull();
        assertThat(repository.getState("alerts")).isEqualTo("b");
    }

    @Test
    void createsTheTableWithTheDocumentedStatement() throws Exception {
        JdbcStateRepository repository = repository("created");
        assertThat(repository.createTableStatement()).isEqualTo(
                "CREATE TABLE created (STATE_KEY VARCHAR(255) NOT NULL PRIMARY KEY, STATE_VALUE TEXT NOT NULL,"
                + " UPDATED_AT TIMESTAMP NOT NULL)");
        try (Connection connection = database.getConnection();
             ResultSet columns = connection.getMetaData().getColumns(null, null, "created", null)) {
            List<String> names = new ArrayList<>();
            while (columns.next()) {
                names.add(columns.getString("COLUMN_NAME") + " " + columns.getString("TYPE_NAME"));
            }
            assertThat(names).containsExactly("state_key varchar", "state_value text", "updated_at timestamp");
        }
    }

    @Test
    void aLargeStateIsStoredWhole() throws Exception {
        JdbcStateRepository repository = repository("large");
        String value = "x".repeat(5_000_000);
        repository.setState("events", value);
        assertThat(repository.getState("events")).isEqualTo(value);
    }

    @Test
    void instancesStartingTogetherAllFindTheTable() throws Exception {
        List<Callable<JdbcStateRepository>> starts = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            starts.add(() -> repository("started_together"));
        }
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            for (Future<JdbcStateRepository> started : pool.invokeAll(starts)) {
                started.get().setState("k", "v");
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(rows("started_together")).isEqualTo(1);
    }

    @Test
    void racingWritersOfOneKeyLeaveOneRowHoldingOneOfTheirWholeValues() throws Exception {
        racingWriters("race_upsert", false);
    }

    @Test
    void thePortableUpdateThenInsertAlsoSurvivesRacingWriters() throws Exception {
        racingWriters("race_portable", true);
    }

    private void racingWriters(String table, boolean portable) throws Exception {
        JdbcStateRepository repository = repository(table);
        List<Callable<Void>> writers = new ArrayList<>();
        List<String> written = new ArrayList<>();
        for (int writer = 0; writer < 4; writer++) {
            for (int round = 0; round < 25; round++) {
                String value = "writer-" + writer + "-round-" + round + "-" + "x".repeat(1000);
                written.add(value);
            }
            int first = writer * 25;
            writers.add(() -> {
                for (int round = 0; round < 25; round++) {
                    String key = "key-" + round; // every writer writes every key, new keys included
                    String value = written.get(first + round);
                    if (portable) {
                        try (Connection connection = database.getConnection()) {
                            repository.updateThenInsert(connection, key, value);
                        }
                    } else {
                        repository.setState(key, value);
                    }
                }
                return null;
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (Future<Void> done : pool.invokeAll(writers)) {
                done.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(rows(table)).isEqualTo(25);
        for (int round = 0; round < 25; round++) {
            assertThat(repository.getState("key-" + round)).isIn(
                    written.get(round), written.get(25 + round), written.get(50 + round), written.get(75 + round));
        }
    }

    @Test
    void aMissingTableWithCreateTableOffFailsTheStartWithTheStatementToRun() {
        JdbcStateRepository repository = new JdbcStateRepository(database);
        repository.setTableName("never_created");
        repository.setCreateTable(false);
        assertThatThrownBy(repository::start)
                .hasMessageContaining("table never_created does not exist and createTable is false")
                .hasMessageContaining("CREATE TABLE never_created (STATE_KEY VARCHAR(255) NOT NULL PRIMARY KEY");
    }

    @Test
    void aTableNameThatIsNotAPlainNameIsRefusedBeforeAnyStatement() {
        JdbcStateRepository repository = new JdbcStateRepository(database);
        repository.setTableName("state; DROP TABLE x");
        assertThatThrownBy(repository::start).hasMessageContaining("tableName 'state; DROP TABLE x' is not a plain SQL name");
    }

    @Test
    void aDatabaseErrorNamesTheActionTheKeyAndTheTable() throws Exception {
        JdbcStateRepository repository = repository("dropped");
        try (Connection connection = database.getConnection(); Statement drop = connection.createStatement()) {
            drop.execute("DROP TABLE dropped");
        }
        assertThatThrownBy(() -> repository.setState("events", "{}"))
                .hasMessageStartingWith("JdbcStateRepository cannot save the state of key 'events' in table dropped: ")
                .hasMessageContaining("does not exist");
        assertThatThrownBy(() -> repository.getState("events"))
                .hasMessageStartingWith("JdbcStateRepository cannot read the state of key 'events' in table dropped: ");
    }

    @Test
    void aFileEventsConsumerRestartedOnAnotherRepositoryInstanceContinuesFromTheCommittedState() throws Exception {
        List<String> delivered = new CopyOnWriteArrayList<>();
        long id = EMULATOR.seedFile(SeedFile.builder(EMULATOR.workspaceId(), "contract.pdf").build());

        EMULATOR.advance(SETTLE);
        CamelContext first = application("first", delivered);
        pollUntilDelivered(first, delivered, 1);
        first.stop();
        EMULATOR.completeAll();
        EMULATOR.advance(SETTLE);
        CamelContext second = application("second", delivered);
        pollUntilDelivered(second, delivered, 2);
        second.stop();

        assertThat(delivered).containsExactly("first " + id + ":pending", "second " + id + ":embedded<-pending");
        assertThat(repository("consumer_state").getState("events")).isNotBlank();
    }

    /** Polls (a few times at most: the clock is already past the overlap) until {@code count} changes were delivered. */
    private static void pollUntilDelivered(CamelContext camel, List<String> delivered, int count) {
        for (int poll = 0; poll < 5 && delivered.size() < count; poll++) {
            ((ScheduledPollConsumer) camel.getRoute("events").getConsumer()).run();
        }
        assertThat(delivered).as("changes delivered").hasSize(count);
    }

    private static CamelContext application(String name, List<String> delivered) throws Exception {
        CamelContext camel = new DefaultCamelContext();
        ParadigmComponent paradigm = camel.getComponent("paradigm", ParadigmComponent.class);
        paradigm.getConfiguration().setBaseUrl(EMULATOR.baseUrl());
        paradigm.getConfiguration().setApiKey(EMULATOR.apiKey());
        JdbcStateRepository state = new JdbcStateRepository(database);
        state.setTableName("consumer_state");
        camel.getRegistry().bind("state", state);
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("paradigm:fileEvents?startFrom=all&stateRepository=#state&stateKey=events&startScheduler=false")
                        .routeId("events")
                        .process(exchange -> delivered.add(name + " " + describe(exchange.getMessage())));
            }
        });
        camel.start();
        return camel;
    }

    private static String describe(Message message) {
        Object previous = message.getHeader(ParadigmConstants.PREVIOUS_STATUS);
        return message.getHeader(ParadigmConstants.FILE_ID) + ":" + message.getHeader(ParadigmConstants.STATUS)
               + (previous == null ? "" : "<-" + previous);
    }

    private static JdbcStateRepository repository(String table) {
        JdbcStateRepository repository = new JdbcStateRepository(database);
        repository.setTableName(table);
        repository.start();
        return repository;
    }

    private static int rows(String table) throws SQLException {
        try (Connection connection = database.getConnection();
             Statement count = connection.createStatement();
             ResultSet result = count.executeQuery("SELECT COUNT(*) FROM " + table)) {
            result.next();
            return result.getInt(1);
        }
    }
}
