package no.samkost.web;

import no.samkost.cooperation.calculation.JointServiceKind;
import no.samkost.cooperation.calculation.PlacementStatus;

/** Norwegian names for the API's enum values. */
final class Labels {

    private Labels() {}

    static String kind(JointServiceKind kind) {
        return switch (kind) {
            case SHARED_HOME -> "Bofellesskap med base";
            case DAY_SERVICE -> "Dagtilbud";
            case RELIEF_CARE -> "Avlastning";
            case OTHER -> "Annet";
        };
    }

    static String status(PlacementStatus status) {
        return switch (status) {
            case REQUESTED -> "Forespurt";
            case CONFIRMED -> "Bekreftet";
            case DECLINED -> "Avslått";
            case WITHDRAWN -> "Trukket tilbake";
        };
    }
}
