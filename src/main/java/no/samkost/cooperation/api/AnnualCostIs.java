package no.samkost.cooperation.api;

/**
 * Which of a group's annual costs a sensitivity prices a recipient at: the median for the viewer's
 * own municipality, the mean for another member (a median is one recipient's cost).
 */
public enum AnnualCostIs {
    MEDIAN,
    MEAN
}
