package io.motcrm.loyalty.earn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class EarnRulesTest {

    private static final EarnRules.Settings DEFAULTS = new EarnRules.Settings(100, Map.of("organic", 200, "clearance", 50),
            10, 1, 50_000);
    private final EarnRules rules = new EarnRules(DEFAULTS);

    private static EarnRules.Line line(String category, long quantity, long unitPriceMinor) {
        return new EarnRules.Line(category, quantity, unitPriceMinor);
    }

    @Test
    void onePointPer100MinorUnitsAtTheBaseRate() {
        assertThat(rules.basePoints(12_345, List.of(line("general", 1, 12_345)))).isEqualTo(123);
    }

    @Test
    void fractionsOfAPointAreRoundedDown() {
        assertThat(rules.basePoints(199, List.of(line("general", 1, 199)))).isEqualTo(1);
        assertThat(rules.basePoints(99, List.of(line("general", 1, 99)))).isZero();
    }

    @Test
    void categoryMultipliersWeightTheirLines() {
        assertThat(rules.basePoints(10_000, List.of(line("organic", 2, 5_000)))).isEqualTo(200);
        assertThat(rules.basePoints(10_000, List.of(line("clearance", 1, 10_000)))).isEqualTo(50);
    }

    @Test
    void unknownAndMissingCategoriesEarnTheBaseRate() {
        assertThat(rules.basePoints(10_000, List.of(line("toys", 1, 10_000)))).isEqualTo(100);
        assertThat(rules.basePoints(10_000, List.of(line(null, 1, 10_000)))).isEqualTo(100);
    }

    @Test
    void mixedLinesAreRoundedOnceNotPerLine() {
        // 150 * 2 + 150 * 1 = 450 weighted minor units per 100: 4.5 points, not 1 + 3.
        assertThat(rules.basePoints(300, List.of(line("organic", 1, 150), line("general", 1, 150)))).isEqualTo(4);
        assertThat(rules.basePoints(30_000, List.of(line("organic", 1, 10_000), line("general", 1, 10_000),
                line("clearance", 1, 10_000)))).isEqualTo(350);
    }

    @Test
    void discountsScaleThePointsDownToWhatWasPaid() {
        // Lines worth 20 000 but 10 000 paid: half the weighted value.
        assertThat(rules.basePoints(10_000, List.of(line("organic", 2, 10_000)))).isEqualTo(200);
        assertThat(rules.basePoints(10_000, List.of(line("general", 2, 10_000)))).isEqualTo(100);
    }

    @Test
    void chargesBeyondTheLinesEarnNothingExtra() {
        // 10 000 of goods plus 2 000 delivery: points on the goods.
        assertThat(rules.basePoints(12_000, List.of(line("general", 1, 10_000)))).isEqualTo(100);
    }

    @Test
    void purchaseWithoutLinesEarnsOnItsTotal() {
        assertThat(rules.basePoints(5_000, List.of())).isEqualTo(50);
    }

    @Test
    void freePurchaseEarnsNothing() {
        assertThat(rules.basePoints(0, List.of(line("organic", 1, 0)))).isZero();
        assertThat(rules.quote(0, List.of(), true).total()).isZero();
    }

    @Test
    void largePurchasesDoNotOverflow() {
        long total = 10_000_000_000_000L;
        assertThat(rules.basePoints(total, List.of(line("organic", 1_000_000, 10_000_000)))).isEqualTo(200_000_000_000L);
    }

    @Test
    void firstPurchaseBonusIsTenPercentOfTheValueAsPoints() {
        assertThat(rules.firstPurchaseBonus(50_000)).isEqualTo(5_000);
        assertThat(rules.firstPurchaseBonus(19)).isEqualTo(1);
        assertThat(rules.firstPurchaseBonus(9)).isZero();
    }

    @Test
    void firstPurchaseBonusHonoursThePointValue() {
        EarnRules tenMinorPerPoint = new EarnRules(new EarnRules.Settings(100, Map.of(), 10, 10, 50_000));
        assertThat(tenMinorPerPoint.firstPurchaseBonus(50_000)).isEqualTo(500);
    }

    @Test
    void onlyTheFirstPurchaseGetsTheBonus() {
        assertThat(rules.quote(50_000, List.of(line("general", 1, 50_000)), true))
                .isEqualTo(new EarnRules.Quote(500, 5_000));
        assertThat(rules.quote(50_000, List.of(line("general", 1, 50_000)), false))
                .isEqualTo(new EarnRules.Quote(500, 0));
    }

    @Test
    void underTheDailyLimitEverythingIsGranted() {
        EarnRules.Grant grant = rules.capByVelocity(new EarnRules.Quote(500, 5_000), 10_000);
        assertThat(grant).isEqualTo(new EarnRules.Grant(500, 5_000, 0));
    }

    @Test
    void theExcessOverTheDailyLimitIsWithheld() {
        EarnRules.Grant grant = rules.capByVelocity(new EarnRules.Quote(30_000, 0), 40_000);
        assertThat(grant).isEqualTo(new EarnRules.Grant(10_000, 0, 20_000));
        assertThat(grant.total()).isEqualTo(10_000);
    }

    @Test
    void basePointsAreGrantedBeforeTheBonus() {
        EarnRules.Grant grant = rules.capByVelocity(new EarnRules.Quote(6_000, 60_000), 0);
        assertThat(grant).isEqualTo(new EarnRules.Grant(6_000, 44_000, 16_000));
    }

    @Test
    void nothingIsGrantedOnceTheLimitIsReached() {
        assertThat(rules.capByVelocity(new EarnRules.Quote(100, 0), 50_000)).isEqualTo(new EarnRules.Grant(0, 0, 100));
        assertThat(rules.capByVelocity(new EarnRules.Quote(100, 0), 70_000)).isEqualTo(new EarnRules.Grant(0, 0, 100));
    }

    @Test
    void fullReturnTakesBackEverythingGranted() {
        assertThat(EarnRules.reversalPoints(1_100, 10_000, 0, 10_000, 0)).isEqualTo(1_100);
    }

    @Test
    void partialReturnTakesBackItsShareRoundedDown() {
        assertThat(EarnRules.reversalPoints(1_100, 10_000, 0, 2_500, 0)).isEqualTo(275);
        assertThat(EarnRules.reversalPoints(100, 3, 0, 1, 0)).isEqualTo(33);
    }

    @Test
    void successiveReturnsAddUpToTheWholeWithoutRoundingLoss() {
        long first = EarnRules.reversalPoints(100, 3, 0, 1, 0);
        long second = EarnRules.reversalPoints(100, 3, 1, 1, first);
        long third = EarnRules.reversalPoints(100, 3, 2, 1, first + second);
        assertThat(List.of(first, second, third)).containsExactly(33L, 33L, 34L);
        assertThat(first + second + third).isEqualTo(100);
    }

    @Test
    void returningMoreThanWasBoughtIsRefused() {
        assertThatThrownBy(() -> EarnRules.reversalPoints(100, 1_000, 600, 500, 60))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void returnOfAPurchaseThatEarnedNothingTakesNothing() {
        assertThat(EarnRules.reversalPoints(0, 50, 0, 50, 0)).isZero();
        assertThat(EarnRules.reversalPoints(0, 0, 0, 0, 0)).isZero();
    }

    @Test
    void invalidSettingsAreRefused() {
        assertThatThrownBy(() -> new EarnRules.Settings(0, Map.of(), 10, 1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EarnRules.Settings(100, Map.of("x", -1), 10, 1, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EarnRules.Settings(100, Map.of(), -1, 1, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void negativeAmountsAreRefused() {
        assertThatThrownBy(() -> rules.basePoints(-1, List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> rules.basePoints(100, List.of(line("general", -1, 100))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aTierMultiplierScalesBasePointsRoundingDown() {
        assertThat(EarnRules.withMultiplier(100, 125)).isEqualTo(125);
        assertThat(EarnRules.withMultiplier(101, 150)).isEqualTo(151);
        assertThat(EarnRules.withMultiplier(3, 125)).isEqualTo(3);
        assertThat(EarnRules.withMultiplier(0, 150)).isZero();
        assertThatThrownBy(() -> EarnRules.withMultiplier(-1, 100)).isInstanceOf(IllegalArgumentException.class);
    }
}
