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
 */
@ApplicationScoped
public class RowLevelSecurityBinding implements AgroalPoolInterceptor {

    private final CurrentMunicipality current;

    public RowLevelSecurityBinding(CurrentMunicipality current) {
        this.current = current;
    }

    @Override
    public void onConnectionAcquire(Connection connection) {
        String municipality = current.get().map(Municipality::id).orElse("");
        try (PreparedStatement bind = connection.prepareStatement("select set_config('app.municipality', ?, true)")) {
            bind.setString(1, municipality);
            bind.execute();
        } catch (SQLException e) {
            throw new IllegalStateException("could not bind the database session to the municipality", e);
        }
    }
}
