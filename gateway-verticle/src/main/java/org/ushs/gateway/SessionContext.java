package org.ushs.gateway;

import org.ushs.gateway.resume.Replays;
import org.ushs.gateway.subscription.SubscriptionLimits;

/** What every session of one gateway instance shares: replays and subscription bounds. */
record SessionContext(Replays replays, SubscriptionLimits limits) {}
