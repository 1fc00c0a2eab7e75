package no.samkost.tenancy;

/** A tenant or cooperation file is broken; the service refuses to start rather than guess. */
public class TenantConfigurationException extends RuntimeException {
    public TenantConfigurationException(String message) {
        super(message);
    }

    public TenantConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
