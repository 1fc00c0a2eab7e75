package no.samkost.planning;

/** Where a register entry stands: still planned for, declined by the family, moved away, or now a recipient. */
public enum NeedStatus {
    ACTIVE,
    DECLINED,
    MOVED_AWAY,
    BECAME_RECIPIENT
}
