package dev.custflow.settings;

import dev.custflow.model.Channel;
import java.util.List;
import java.util.Map;

/**
 * The marketing triggers (docs/design/rules-catalog.md §10). Every trigger fires once per cause; the policy gate
 * (settings.policy) applies opt-outs, the frequency cap and quiet hours to what they send.
 *
 * @param channels        channels tried in this order: the first the customer has contact data for
 *                        (default EMAIL, SMS, WECHAT)
 * @param onboardingDay   the onboarding guide goes out this many days after the first order (default 7) ...
 * @param onboardingLate  ... or up to this many days later if the engine only learns of the time then
 *                        (default 7); customers loaded with an older history get none
 * @param winBackDays     days without an order after which a "welcome back" gift is offered, once until the
 *                        next order (default 180)
 * @param crossSell       product pairs: a customer who bought {@code bought} at least {@code afterDays} ago and
 *                        never {@code offer} hears about {@code offer} (default none)
 * @param recommendations behaviour tag → product recommended to customers with that tag (default none)
 * @param couponPercent   the coupon for a high-value customer's good review (default 10)
 * @param goodReviewDays  how recent the good review must be (default 30)
 */
public record MarketingSettings(List<Channel> channels, int onboardingDay, int onboardingLate, int winBackDays,
                                List<CrossSell> crossSell, Map<String, Recommendation> recommendations,
                                int couponPercent, int goodReviewDays) {

    /**
     * One cross-sell pair.
     *
     * @param bought    the product bought
     * @param offer     the product offered
     * @param afterDays how long after the first purchase of {@code bought} (default 180: six months)
     * @param link      where the message links to, may be null
     */
    public record CrossSell(String bought, String offer, Integer afterDays, String link) {
        /** Validates the pair. */
        public CrossSell {
            if (bought == null || bought.isBlank() || offer == null || offer.isBlank()) {
                throw new InvalidSettingsException("marketing.crossSell", bought + ">" + offer,
                        "every pair needs 'bought' and 'offer' product codes");
            }
            afterDays = afterDays == null ? 180 : afterDays;
            InvalidSettingsException.positive("marketing.crossSell.afterDays", afterDays);
        }

        /** @return the key under which the engine remembers the pair was offered */
        public String key() {
            return "CROSS_SELL:" + bought + ">" + offer;
        }
    }

    /**
     * A product recommended for a behaviour tag.
     *
     * @param product the product
     * @param link    where the message links to, may be null
     */
    public record Recommendation(String product, String link) {
        /** Validates it. */
        public Recommendation {
            if (product == null || product.isBlank()) {
                throw new InvalidSettingsException("marketing.recommendations", null, "every entry needs a 'product'");
            }
        }
    }

    /** Validates the values and fills what was left out with defaults. */
    public MarketingSettings {
        channels = channels == null || channels.isEmpty() ? List.of(Channel.EMAIL, Channel.SMS, Channel.WECHAT)
                : List.copyOf(channels);
        InvalidSettingsException.positive("marketing.onboardingDay", onboardingDay);
        if (onboardingLate < 0) {
            throw new InvalidSettingsException("marketing.onboardingLate", onboardingLate, "must not be negative");
        }
        InvalidSettingsException.positive("marketing.winBackDays", winBackDays);
        crossSell = crossSell == null ? List.of() : List.copyOf(crossSell);
        recommendations = recommendations == null ? Map.of() : Map.copyOf(recommendations);
        InvalidSettingsException.range("marketing.couponPercent", couponPercent, 1, 100);
        InvalidSettingsException.positive("marketing.goodReviewDays", goodReviewDays);
    }

    /** @return the catalog defaults */
    public static MarketingSettings ofDefaults() {
        return new MarketingSettings(null, 7, 7, 180, List.of(), Map.of(), 10, 30);
    }
}
