package org.careloop.health;

import java.util.Map;
import java.util.function.Supplier;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;

/**
 * The scheduler that fires every poll, the outbox, the SLA sweep and the surge check (Quartz, through
 * camel-quartz): UP while it runs. A scheduler stopped or in standby sends nothing and watches nothing,
 * however healthy the accounts look.
 */
public final class SchedulerHealthCheck extends AbstractHealthCheck {

    private final Supplier<Scheduler> scheduler;

    /** @param scheduler the scheduler, asked at each check (null until camel-quartz made it) */
    public SchedulerHealthCheck(Supplier<Scheduler> scheduler) {
        super(AccountHealthCheck.PREFIX + "scheduler");
        this.scheduler = scheduler;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        Scheduler s = scheduler.get();
        if (s == null) {
            builder.down().message("The scheduler has not started");
            return;
        }
        try {
            builder.detail("instance", s.getSchedulerInstanceId());
            builder.detail("clustered", s.getMetaData().isJobStoreClustered());
            if (s.isShutdown() || !s.isStarted() || s.isInStandbyMode()) {
                builder.down().message("The scheduler is " + (s.isShutdown() ? "shut down" : "not running") + ": no poll, outbox or SLA sweep fires");
            } else {
                builder.up();
            }
        } catch (SchedulerException e) {
            builder.error(e).down().message("The scheduler does not answer: " + e.getMessage());
        }
    }
}
