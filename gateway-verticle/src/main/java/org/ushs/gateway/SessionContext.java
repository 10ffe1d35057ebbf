package org.ushs.gateway;

import org.ushs.common.health.Readiness;
import org.ushs.gateway.resume.Replays;
import org.ushs.gateway.subscription.SubscriptionLimits;

/**
 * What every session of one gateway instance shares: replays, subscription bounds, and whether the
 * node may serve history now.
 */
record SessionContext(Replays replays, SubscriptionLimits limits, Readiness readiness) {}
