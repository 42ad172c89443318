package org.careloop.simulator;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plays a scenario in real time (scaled by the speed factor). A post already played, according to
 * the state file, is not played again, so a restarted simulator resumes where it stopped.
 */
final class ScenarioPlayer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ScenarioPlayer.class);

    private final XWorld world;
    private final GraphWorld graph;
    private final Scenario scenario;
    private final double speed;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "simulator-scenario");
        t.setDaemon(true);
        return t;
    });

    ScenarioPlayer(XWorld world, GraphWorld graph, Scenario scenario, double speed) {
        this.world = world;
        this.graph = graph;
        this.scenario = scenario;
        this.speed = speed <= 0 ? 1 : speed;
    }

    void start() {
        scenario.users().forEach(p -> {
            world.userOrCreate(p.handle(), p.name());
            graph.personOrCreate(p.handle(), p.name());
        });
        int index = 0;
        for (Scenario.Step step : scenario.posts()) {
            String key = step.key() != null ? step.key() : "#" + index;
            index++;
            if (world.played(key)) {
                continue;
            }
            long delay = (long) (step.offset().toMillis() / speed);
            timer.schedule(() -> play(key, step), delay, TimeUnit.MILLISECONDS);
        }
    }

    /** How long a post that answers the brand's reply waits for that reply (an agent may approve it late, or never). */
    static final java.time.Duration ANSWER_WAIT = java.time.Duration.ofMinutes(30);

    private void play(String key, Scenario.Step step) {
        if (step.answers() != null) {
            answer(key, step, System.nanoTime() + ANSWER_WAIT.toNanos());
            return;
        }
        if (!step.on().equals("x")) {
            playOnGraph(key, step);
            return;
        }
        try {
            XWorld.User author = world.userOrCreate(step.author(), null);
            String replyTo = step.replyTo() == null ? null : world.playedPost(step.replyTo()).orElse(null);
            String retweetOf = step.retweetOf() == null ? null : world.playedPost(step.retweetOf()).orElse(null);
            String postId = null;
            if ((step.replyTo() != null && replyTo == null) || (step.retweetOf() != null && retweetOf == null)) {
                LOG.debug("Scenario post {} skipped: the post it refers to was not played", key);
            } else {
                postId = world.publish(author.id(), step.text(), replyTo, retweetOf, null, step.lang()).id();
            }
            world.markPlayed(key, postId);
        } catch (RuntimeException e) {
            LOG.warn("Scenario post {} failed: {}", key, e.getMessage());
        }
    }

    /** Replies to the brand's reply to the post {@code answers} names, once there is one; looked for again every second. */
    private void answer(String key, Scenario.Step step, long until) {
        try {
            String asked = world.playedPost(step.answers()).orElse(null);
            java.util.Optional<XWorld.Post> ours = asked == null ? java.util.Optional.empty() : world.all().stream()
                    .filter(p -> asked.equals(p.inReplyToId()) && p.authorId().equals(world.brand().id())).findFirst();
            if (ours.isPresent()) {
                XWorld.User author = world.userOrCreate(step.author(), null);
                world.markPlayed(key, world.publish(author.id(), step.text(), ours.get().id(), null, null, step.lang()).id());
            } else if (asked == null && world.played(step.answers()) || System.nanoTime() > until) {
                LOG.debug("Scenario post {} skipped: no reply from the brand to answer", key);
                world.markPlayed(key, null);
            } else {
                timer.schedule(() -> answer(key, step, until), 1, TimeUnit.SECONDS);
            }
        } catch (RuntimeException e) {
            LOG.warn("Scenario post {} failed: {}", key, e.getMessage());
        }
    }

    /**
     * A Facebook or Instagram step: the brand's own post or media, a visitor's post on the Page, or a
     * comment on what {@code reply_to} names.
     */
    private void playOnGraph(String key, Scenario.Step step) {
        try {
            boolean byBrand = step.author().equalsIgnoreCase(scenario.brand().handle());
            String replyTo = step.replyTo() == null ? null : world.playedPost(step.replyTo()).orElse(null);
            String id = null;
            if (step.replyTo() != null && replyTo == null) {
                LOG.debug("Scenario post {} skipped: the post it refers to was not played", key);
            } else if (replyTo != null) {
                GraphWorld.Item target = graph.item(replyTo).orElseThrow();
                boolean instagram = target.kind() == GraphWorld.Kind.MEDIA || target.kind() == GraphWorld.Kind.IG_COMMENT;
                String author = byBrand ? (instagram ? graph.instagram().id() : graph.page().id())
                        : graph.personOrCreate(step.author(), null).id();
                id = graph.comment(replyTo, author, step.text()).id();
            } else if (step.on().equals("instagram")) {
                id = graph.media(step.text()).id();
            } else {
                id = graph.post(byBrand ? graph.page().id() : graph.personOrCreate(step.author(), null).id(), step.text()).id();
            }
            world.markPlayed(key, id);
        } catch (RuntimeException e) {
            LOG.warn("Scenario post {} failed: {}", key, e.getMessage());
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
