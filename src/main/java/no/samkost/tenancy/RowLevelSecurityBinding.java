package no.samkost.tenancy;

import io.agroal.api.AgroalPoolInterceptor;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Binds PostgreSQL row-level security to the caller's municipality for the current transaction.
 *
 * <p>Agroal calls this when a connection is handed out, once per transaction after it is enlisted.
 * The setting is transaction-local ({@code is_local = true}), so it dies with the transaction and
 * cannot leak through the pool; it is always overwritten, with '' when there is no municipality, so
 * that a connection used outside a request sees no tenant rows at all.
 *
 * <p>When the transaction asked for one snapshot ({@link ConsistentSnapshot}), it is made
 * REPEATABLE READ here, before the binding, the transaction's first statement.
 */
@ApplicationScoped
public class RowLevelSecurityBinding implements AgroalPoolInterceptor {

    private final CurrentMunicipality current;
    private final ConsistentSnapshot snapshot;

    public RowLevelSecurityBinding(CurrentMunicipality current, ConsistentSnapshot snapshot) {
        this.current = current;
        this.snapshot = snapshot;
    }

    @Override
    public void onConnectionAcquire(Connection connection) {
        String municipality = current.get().map(Municipality::id).orElse("");
        if (snapshot.requested()) {
            // Before the binding: the binding is a query, and the level is fixed once one has run.
            try (PreparedStatement level =
                    connection.prepareStatement("set transaction isolation level repeatable read")) {
                level.execute();
            } catch (SQLException e) {
                throw new IllegalStateException("could not begin a consistent snapshot", e);
            }
        }
        try (PreparedStatement bind = connection.prepareStatement("select set_config('app.municipality', ?, true)")) {
            bind.setString(1, municipality);
            bind.execute();
        } catch (SQLException e) {
            throw new IllegalStateException("could not bind the database session to the municipality", e);
        }
    }
}
