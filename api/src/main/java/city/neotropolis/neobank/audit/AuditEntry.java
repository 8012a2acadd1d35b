package city.neotropolis.neobank.audit;

/** One row of the audit log as the API shows it. */
public record AuditEntry(long id, String admin, String action, String target, String details, String timestamp) {}
