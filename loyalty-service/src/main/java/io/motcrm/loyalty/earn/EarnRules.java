package io.motcrm.loyalty.earn;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * How many points a purchase earns, how much of that the daily velocity limit lets through, and how
 * much a return takes back. Pure arithmetic on whole numbers; every division rounds down, so the
 * customer never gets a fraction of a point and a reversal never takes more than was granted.
 * <ul>
 * <li>Base points: each line's value ({@code quantity * unitPriceMinor}) weighted by its category's
 * multiplier (percent, 100 when not configured), divided by {@code minorPerPoint}. When the lines
 * add up to more than the total paid (discounts), the weighted value is scaled down to the total.
 * A purchase without lines earns on its total at the base rate.</li>
 * <li>First-purchase bonus: {@code firstPurchaseBonusPercent} of the total paid, turned into points
 * at {@code pointValueMinor} minor units per point.</li>
 * <li>Velocity: purchase earns of a customer on one UTC day add up to at most
 * {@code maxPointsPerDay}; base points are granted before the bonus, the rest is withheld.</li>
 * <li>Reversal: after returns worth {@code returned} of a purchase's {@code total}, the points taken
 * back add up to {@code floor(granted * returned / total)}.</li>
 * </ul>
 */
public final class EarnRules {

    public static final int BASE_PERCENT = 100;

    /** The configurable parameters. */
    public record Settings(long minorPerPoint, Map<String, Integer> categoryMultiplierPercent,
            int firstPurchaseBonusPercent, long pointValueMinor, long maxPointsPerDay) {

        public Settings {
            if (minorPerPoint <= 0 || pointValueMinor <= 0) {
                throw new IllegalArgumentException("minorPerPoint and pointValueMinor must be positive");
            }
            if (firstPurchaseBonusPercent < 0 || maxPointsPerDay < 0) {
                throw new IllegalArgumentException("Bonus percent and daily maximum cannot be negative");
            }
            categoryMultiplierPercent.values().forEach(percent -> {
                if (percent == null || percent < 0) {
                    throw new IllegalArgumentException("Category multipliers cannot be negative");
                }
            });
            categoryMultiplierPercent = Map.copyOf(categoryMultiplierPercent);
        }

        int multiplierPercent(String category) {
            return category == null ? BASE_PERCENT : categoryMultiplierPercent.getOrDefault(category, BASE_PERCENT);
        }
    }

    public record Line(String category, long quantity, long unitPriceMinor) {
    }

    /** Points a purchase would earn before the velocity limit. */
    public record Quote(long basePoints, long firstPurchaseBonus) {
        public long total() {
            return Math.addExact(basePoints, firstPurchaseBonus);
        }
    }

    /** Points actually granted, and the points the velocity limit withheld. */
    public record Grant(long basePoints, long firstPurchaseBonus, long withheld) {
        public long total() {
            return basePoints + firstPurchaseBonus;
        }
    }

    private final Settings settings;

    public EarnRules(Settings settings) {
        this.settings = settings;
    }

    public Quote quote(long totalMinor, List<Line> lines, boolean firstPurchase) {
        return new Quote(basePoints(totalMinor, lines), firstPurchase ? firstPurchaseBonus(totalMinor) : 0);
    }

    public long basePoints(long totalMinor, List<Line> lines) {
        requireNonNegative(totalMinor, "total");
        BigInteger weighted = BigInteger.ZERO;
        BigInteger lineValue = BigInteger.ZERO;
        for (Line line : lines) {
            requireNonNegative(line.quantity(), "quantity");
            requireNonNegative(line.unitPriceMinor(), "unit price");
            BigInteger value = BigInteger.valueOf(line.quantity()).multiply(BigInteger.valueOf(line.unitPriceMinor()));
            lineValue = lineValue.add(value);
            weighted = weighted.add(value.multiply(BigInteger.valueOf(settings.multiplierPercent(line.category()))));
        }
        BigInteger total = BigInteger.valueOf(totalMinor);
        if (lineValue.signum() == 0) {
            weighted = total.multiply(BigInteger.valueOf(BASE_PERCENT));
        } else if (lineValue.compareTo(total) > 0) {
            weighted = weighted.multiply(total).divide(lineValue);
        }
        BigInteger points = weighted.divide(BigInteger.valueOf(BASE_PERCENT).multiply(BigInteger.valueOf(settings.minorPerPoint())));
        return points.longValueExact();
    }

    /** Points with a multiplier in percent (a tier's), rounded down. */
    public static long withMultiplier(long points, int percent) {
        requireNonNegative(points, "points");
        return BigInteger.valueOf(points).multiply(BigInteger.valueOf(percent))
                .divide(BigInteger.valueOf(BASE_PERCENT)).longValueExact();
    }

    public long firstPurchaseBonus(long totalMinor) {
        requireNonNegative(totalMinor, "total");
        return BigInteger.valueOf(totalMinor)
                .multiply(BigInteger.valueOf(settings.firstPurchaseBonusPercent()))
                .divide(BigInteger.valueOf(100).multiply(BigInteger.valueOf(settings.pointValueMinor())))
                .longValueExact();
    }

    /** Applies the daily limit, given the purchase points already granted today. */
    public Grant capByVelocity(Quote quote, long grantedToday) {
        long allowance = Math.max(0, settings.maxPointsPerDay() - Math.max(0, grantedToday));
        long base = Math.min(quote.basePoints(), allowance);
        long bonus = Math.min(quote.firstPurchaseBonus(), allowance - base);
        return new Grant(base, bonus, quote.total() - base - bonus);
    }

    /**
     * Points to take back for a return, so that all returns of the purchase together take back
     * {@code floor(granted * returned / total)}.
     *
     * @param granted points the purchase earned (base and bonus)
     * @param totalMinor the purchase's total
     * @param returnedBeforeMinor value returned by earlier returns
     * @param returnedNowMinor value of this return
     * @param reversedBefore points earlier returns took back (or meant to)
     */
    public static long reversalPoints(long granted, long totalMinor, long returnedBeforeMinor, long returnedNowMinor,
            long reversedBefore) {
        requireNonNegative(granted, "granted");
        requireNonNegative(returnedBeforeMinor, "returned before");
        requireNonNegative(returnedNowMinor, "returned now");
        long returned = Math.addExact(returnedBeforeMinor, returnedNowMinor);
        if (returned > totalMinor) {
            throw new IllegalArgumentException("Returned " + returned + " exceeds the total " + totalMinor);
        }
        if (totalMinor == 0) {
            return 0;
        }
        long target = BigInteger.valueOf(granted).multiply(BigInteger.valueOf(returned))
                .divide(BigInteger.valueOf(totalMinor)).longValueExact();
        return Math.max(0, target - reversedBefore);
    }

    private static void requireNonNegative(long value, String what) {
        if (value < 0) {
            throw new IllegalArgumentException(what + " cannot be negative");
        }
    }
}
