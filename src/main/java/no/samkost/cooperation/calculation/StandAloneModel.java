package no.samkost.cooperation.calculation;

import java.math.BigDecimal;

/**
 * What the agreement assumes a member would pay to serve its placed recipients alone: one service
 * of its own (a night shift and a staffed base, say) at a fixed cost per year, plus a variable cost
 * per recipient. In the prices of the cost year compared.
 */
public record StandAloneModel(BigDecimal fixedCostPerYear, BigDecimal variableCostPerRecipient) {

    public StandAloneModel {
        for (BigDecimal amount : new BigDecimal[] {fixedCostPerYear, variableCostPerRecipient}) {
            if (amount == null
                    || amount.signum() < 0
                    || amount.stripTrailingZeros().scale() > 2) {
                throw new IllegalArgumentException("stand-alone costs are non-negative amounts in øre: " + amount);
            }
        }
        fixedCostPerYear = fixedCostPerYear.setScale(2);
        variableCostPerRecipient = variableCostPerRecipient.setScale(2);
    }
}
