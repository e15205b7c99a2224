package io.camelparadigm.cluster;

import java.io.IOException;
import java.time.Duration;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.camelparadigm.component.paradigm.state.JdbcStateRepository;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A real PostgreSQL started in-process for the nodes: their consumer state, their upload locks and what each of them
 * reports ({@code delivered}, {@code leadership}, {@code polls}, {@code upload_started}, {@code uploaded}, {@code upload_failed}, and {@code state_writes}: who wrote the consumer
 * state when, recorded by a trigger from each connection's application name).
 */
final class ClusterDatabase implements AutoCloseable {

    /** The upload locks' table, as camel-sql's JdbcMessageIdRepository creates it. */
    static final String UPLOAD_LOCKS_DDL = "CREATE TABLE CAMEL_MESSAGEPROCESSED (processorName VARCHAR(255),"
                                           + " messageId VARCHAR(100), createdAt TIMESTAMP,"
                                           + " PRIMARY KEY (processorName, messageId))";

    private final EmbeddedPostgres postgres;
    private final HikariDataSource dataSource;
    private final JdbcTemplate sql;

    ClusterDatabase() throws IOException {
        postgres = EmbeddedPostgres.builder().setPGStartupWait(Duration.ofSeconds(60)).start();
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl());
        config.setUsername("postgres");
        config.setMaximumPoolSize(4);
        config.setPoolName("test");
        dataSource = new HikariDataSource(config);
        sql = new JdbcTemplate(dataSource);
        JdbcStateRepository state = new JdbcStateRepository(dataSource); // the nodes' table, with the product's DDL
        state.start();
        // created before the instances start: camel-sql's own creation is not safe when several start together
        sql.execute(UPLOAD_LOCKS_DDL);
        sql.execute("CREATE TABLE delivered (seq BIGSERIAL PRIMARY KEY, node TEXT NOT NULL, file_id BIGINT NOT NULL,"
                    + " status TEXT NOT NULL, previous_status TEXT, at TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp())");
        sql.execute("CREATE TABLE leadership (seq BIGSERIAL PRIMARY KEY, node TEXT NOT NULL, leader BOOLEAN NOT NULL,"
                    + " at TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp())");
        sql.execute("CREATE TABLE uploaded (seq BIGSERIAL PRIMARY KEY, node TEXT NOT NULL, file_name TEXT NOT NULL,"
                    + " skipped BOOLEAN, at TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp())");
        sql.execute("CREATE TABLE upload_started (seq BIGSERIAL PRIMARY KEY, node TEXT NOT NULL, file_name TEXT NOT NULL,"
                    + " at TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp())");
        sql.execute("CREATE TABLE upload_failed (seq BIGSERIAL PRIMARY KEY, node TEXT NOT NULL, file_name TEXT NOT NULL,"
                    + " error TEXT, at TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp())");
        sql.execute("CREATE TABLE run_marks (killed_at TIMESTAMPTZ NOT NULL)");
        sql.execute("CREATE TABLE polls (seq BIGSERIAL PRIMARY KEY, node TEXT NOT NULL,"
                    + " at TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp())");
        sql.execute("CREATE TABLE state_writes (seq BIGSERIAL PRIMARY KEY, writer TEXT NOT NULL, value TEXT,"
                    + " at TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp())");
        sql.execute("CREATE TABLE state_reads (seq BIGSERIAL PRIMARY KEY, reader TEXT NOT NULL, value TEXT,"
                    + " at TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp())");
        sql.execute("CREATE FUNCTION record_state_write() RETURNS trigger AS $$ BEGIN"
                    + " INSERT INTO state_writes (writer, value) VALUES (current_setting('application_name'), NEW.STATE_VALUE);"
                    + " RETURN NEW;"
                    + " END $$ LANGUAGE plpgsql");
        sql.execute("CREATE TRIGGER state_writes AFTER INSERT OR UPDATE ON " + JdbcStateRepository.DEFAULT_TABLE_NAME
                    + " FOR EACH ROW EXECUTE FUNCTION record_state_write()");
    }

    /** The URL the nodes connect with (user postgres, no password: the embedded server trusts local connections). */
    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres";
    }

    JdbcTemplate sql() {
        return sql;
    }

    /** Empties every table, the nodes' ones included, between tests. */
    void clear() {
        sql.execute("TRUNCATE run_marks, delivered, leadership, polls, upload_started, uploaded, upload_failed, state_writes, state_reads, " + JdbcStateRepository.DEFAULT_TABLE_NAME);
        sql.execute("TRUNCATE CAMEL_MESSAGEPROCESSED");
    }

    @Override
    public void close() throws IOException {
        dataSource.close();
        postgres.close();
    }
}
