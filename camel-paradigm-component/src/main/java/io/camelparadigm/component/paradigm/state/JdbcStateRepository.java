package io.camelparadigm.component.paradigm.state;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.service.ServiceSupport;

/**
 * A {@link StateRepository} kept in one table of a relational database, so that consumers on several instances
 * (behind {@code master:}) share their position: every {@link #getState} reads the table (nothing is cached), so an
 * instance that takes over starts from the last state the previous leader committed.
 *
 * <p>One row per key. {@link #setState} is one statement, committed when it returns: on PostgreSQL an
 * {@code INSERT ... ON CONFLICT DO UPDATE}; elsewhere an {@code UPDATE}, then an {@code INSERT} when no row was
 * there (and the {@code UPDATE} again if another writer inserted the key in between). The table is created on
 * start when it is missing ({@code createTable}, default true):
 *
 * <pre>
 * CREATE TABLE PARADIGM_STATE (
 *     STATE_KEY   VARCHAR(255) NOT NULL PRIMARY KEY,
 *     STATE_VALUE TEXT NOT NULL,        -- CLOB on databases other than PostgreSQL
 *     UPDATED_AT  TIMESTAMP NOT NULL)
 * </pre>
 *
 * <p>Two writers of one key: the last committed write wins, whole; values are never merged. Each consumer saves its
 * whole state, so two instances polling with the same key would overwrite each other: use {@code master:} (one
 * poller per key). A write from a leader that has just lost its leadership can still land after the new leader's
 * first one; the new leader's next save replaces it, and if the new leader crashed before that, the next one would
 * start from the older state and deliver some changes again (at least once), never skip one.
 */
public class JdbcStateRepository extends ServiceSupport implements StateRepository<String, String> {

    /** The default table name. */
    public static final String DEFAULT_TABLE_NAME = "PARADIGM_STATE";

    private static final Pattern TABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?");
    private static final String INTEGRITY_CONSTRAINT_VIOLATION = "23";

    private DataSource dataSource;
    private String tableName = DEFAULT_TABLE_NAME;
    private boolean createTable = true;
    private volatile boolean postgreSql;

    public JdbcStateRepository() {
    }

    public JdbcStateRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public DataSource getDataSource() {
        return dataSource;
    }

    /** The database (required). */
    public void setDataSource(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public String getTableName() {
        return tableName;
    }

    /** The table, optionally with its schema ({@code schema.table}); default {@value #DEFAULT_TABLE_NAME}. */
    public void setTableName(String tableName) {
        this.tableName = tableName;
    }

    public boolean isCreateTable() {
        return createTable;
    }

    /** Whether to create the table on start when it is missing (default true). */
    public void setCreateTable(boolean createTable) {
        this.createTable = createTable;
    }

    @Override
    protected void doStart() throws Exception {
        if (dataSource == null) {
            throw new IllegalArgumentException("JdbcStateRepository: dataSource is required");
        }
        if (tableName == null || !TABLE_NAME.matcher(tableName).matches()) {
            throw new IllegalArgumentException("JdbcStateRepository: tableName '" + tableName
                                               + "' is not a plain SQL name (letters, digits, _; optionally schema.table)");
        }
        try (Connection connection = dataSource.getConnection()) {
            postgreSql = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgresql");
            if (!tableExists(connection)) {
                if (!createTable) {
                    throw new IllegalStateException("JdbcStateRepository: table " + tableName
                                                    + " does not exist and createTable is false; create it with: "
                                                    + createTableStatement());
                }
                createTable(connection);
            }
        }
    }

    @Override
    public String getState(String key) {
        Objects.requireNonNull(key, "key");
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT STATE_VALUE FROM " + tableName + " WHERE STATE_KEY = ?")) {
            select.setString(1, key);
            try (ResultSet row = select.executeQuery()) {
                String value = row.next() ? row.getString(1) : null;
                commitIfNeeded(connection);
                return value;
            }
        } catch (SQLException e) {
            throw failure("read", key, e);
        }
    }

    /** Stores {@code value} under {@code key}, replacing what was there; a null value removes the key. */
    @Override
    public void setState(String key, String value) {
        Objects.requireNonNull(key, "key");
        try (Connection connection = dataSource.getConnection()) {
            if (value == null) {
                update(connection, "DELETE FROM " + tableName + " WHERE STATE_KEY = ?", key);
            } else if (postgreSql) {
                update(connection, "INSERT INTO " + tableName + " (STATE_KEY, STATE_VALUE, UPDATED_AT)"
                                   + " VALUES (?, ?, CURRENT_TIMESTAMP) ON CONFLICT (STATE_KEY) DO UPDATE"
                                   + " SET STATE_VALUE = EXCLUDED.STATE_VALUE, UPDATED_AT = EXCLUDED.UPDATED_AT",
                        key, value);
            } else {
                updateThenInsert(connection, key, value);
            }
        } catch (SQLException e) {
            throw failure("save", key, e);
        }
    }

    /** The portable upsert: no row updated means a new key; an insert that meets a concurrent one updates instead. */
    void updateThenInsert(Connection connection, String key, String value) throws SQLException {
        String updateSql = "UPDATE " + tableName + " SET STATE_VALUE = ?, UPDATED_AT = CURRENT_TIMESTAMP WHERE STATE_KEY = ?";
        if (update(connection, updateSql, value, key) > 0) {
            return;
        }
        try {
            update(connection, "INSERT INTO " + tableName + " (STATE_KEY, STATE_VALUE, UPDATED_AT)"
                               + " VALUES (?, ?, CURRENT_TIMESTAMP)", key, value);
        } catch (SQLException e) {
            if (e.getSQLState() == null || !e.getSQLState().startsWith(INTEGRITY_CONSTRAINT_VIOLATION)) {
                throw e;
            }
            update(connection, updateSql, value, key);
        }
    }

    /** The DDL this repository runs when the table is missing, for this database. */
    public String createTableStatement() {
        return "CREATE TABLE " + tableName + " (STATE_KEY VARCHAR(255) NOT NULL PRIMARY KEY, STATE_VALUE "
               + (postgreSql ? "TEXT" : "CLOB") + " NOT NULL, UPDATED_AT TIMESTAMP NOT NULL)";
    }

    private boolean tableExists(Connection connection) {
        try (Statement probe = connection.createStatement()) {
            probe.executeQuery("SELECT STATE_KEY FROM " + tableName + " WHERE 1 = 0").close();
            commitIfNeeded(connection);
            return true;
        } catch (SQLException e) {
            rollbackQuietly(connection);
            return false;
        }
    }

    private void createTable(Connection connection) throws SQLException {
        try (Statement create = connection.createStatement()) {
            create.execute(createTableStatement());
            commitIfNeeded(connection);
        } catch (SQLException e) {
            rollbackQuietly(connection);
            if (!tableExists(connection)) { // else another instance created it at the same time
                throw new SQLException("JdbcStateRepository cannot create table " + tableName + " with: "
                                       + createTableStatement() + " (" + e.getMessage() + ")", e.getSQLState(), e);
            }
        }
    }

    private static int update(Connection connection, String sql, String... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
            }
            int rows = statement.executeUpdate();
            commitIfNeeded(connection);
            return rows;
        } catch (SQLException e) {
            rollbackQuietly(connection);
            throw e;
        }
    }

    /** Pools may hand out connections with auto-commit off: each operation is then committed here. */
    private static void commitIfNeeded(Connection connection) throws SQLException {
        if (!connection.getAutoCommit()) {
            connection.commit();
        }
    }

    private static void rollbackQuietly(Connection connection) {
        try {
            if (!connection.getAutoCommit()) {
                connection.rollback();
            }
        } catch (SQLException ignored) {
            // the original failure is what the caller reports
        }
    }

    private RuntimeCamelException failure(String action, String key, SQLException e) {
        return new RuntimeCamelException("JdbcStateRepository cannot " + action + " the state of key '" + key
                                         + "' in table " + tableName + ": " + e.getMessage(), e);
    }

    @Override
    public String toString() {
        return "JdbcStateRepository[" + tableName + "]";
    }
}
