package no.samkost.cooperation.api;

/** Joint cost categories: attributable direct wages, or shared costs split by the agreement. */
public enum JointCostCategory {
    DIRECT_WAGES,
    SHARED
}
