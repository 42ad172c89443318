package org.careloop.care;

import java.time.Instant;
import java.util.Date;
import java.util.Properties;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDataMap;
import org.quartz.JobExecutionContext;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.impl.StdSchedulerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SLA timers on Quartz: one job per draft with a one-shot trigger per milestone. The schedule
 * lives in memory; at start-up every pending draft is watched again, and a milestone already past
 * fires at once (Quartz's fire-now misfire policy).
 */
public final class QuartzSlaTimers implements SlaTimers, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(QuartzSlaTimers.class);
    private static final String WATCH = "slaWatch";

    private final Scheduler scheduler;
    private final SlaPolicy policy;

    public QuartzSlaTimers(SlaWatch watch) throws SchedulerException {
        Properties p = new Properties();
        p.setProperty("org.quartz.scheduler.instanceName", "careloop-sla");
        p.setProperty("org.quartz.threadPool.threadCount", "2");
        p.setProperty("org.quartz.jobStore.class", "org.quartz.simpl.RAMJobStore");
        p.setProperty("org.quartz.jobStore.misfireThreshold", "1000");
        p.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
        this.scheduler = new StdSchedulerFactory(p).getScheduler();
        this.scheduler.getContext().put(WATCH, watch);
        this.policy = watch.policy();
        this.scheduler.start();
    }

    @Override
    public void watch(Draft draft) {
        JobKey key = JobKey.jobKey("draft-" + draft.id(), "sla");
        try {
            scheduler.addJob(JobBuilder.newJob(Fire.class).withIdentity(key).storeDurably().build(), true);
            schedule(key, draft, SlaWatch.Milestone.WARN, policy.warnAt(draft));
            if (draft.work().kind() == Draft.Kind.REPLY) {
                schedule(key, draft, SlaWatch.Milestone.HOLD, policy.holdAt(draft));
            }
            schedule(key, draft, SlaWatch.Milestone.BREACH, policy.breachAt(draft));
        } catch (SchedulerException e) {
            LOG.error("SLA timers for draft {} could not be started", draft.id(), e);
        }
    }

    private void schedule(JobKey job, Draft draft, SlaWatch.Milestone milestone, Instant at) throws SchedulerException {
        JobDataMap data = new JobDataMap();
        data.put("draftId", draft.id());
        data.put("milestone", milestone.name());
        Trigger trigger = TriggerBuilder.newTrigger().withIdentity(job.getName() + "-" + milestone.name().toLowerCase(), "sla")
                .forJob(job).usingJobData(data).startAt(Date.from(at))
                .withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow()).build();
        if (scheduler.checkExists(trigger.getKey())) {
            scheduler.rescheduleJob(trigger.getKey(), trigger);
        } else {
            scheduler.scheduleJob(trigger);
        }
    }

    /** The next fire time of one milestone of one draft, or null (for tests and the console). */
    public Instant next(long draftId, SlaWatch.Milestone milestone) throws SchedulerException {
        Trigger t = scheduler.getTrigger(org.quartz.TriggerKey.triggerKey("draft-" + draftId + "-" + milestone.name().toLowerCase(), "sla"));
        return t == null || t.getNextFireTime() == null ? null : t.getNextFireTime().toInstant();
    }

    @Override
    public void close() throws SchedulerException {
        // A milestone firing now finishes first: its holding reply or alert is not cut off half-way.
        scheduler.shutdown(true);
    }

    /** The Quartz job: hands the milestone to {@link SlaWatch}. */
    public static final class Fire implements Job {

        @Override
        public void execute(JobExecutionContext context) {
            try {
                SlaWatch watch = (SlaWatch) context.getScheduler().getContext().get(WATCH);
                JobDataMap data = context.getMergedJobDataMap();
                watch.fire(SlaWatch.Milestone.valueOf(data.getString("milestone")), data.getLong("draftId"));
            } catch (SchedulerException | RuntimeException e) {
                // One failing draft must not stop the scheduler; the next milestone still fires.
                LOG.error("SLA timer failed", e);
            }
        }
    }
}
