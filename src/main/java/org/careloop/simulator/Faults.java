package org.careloop.simulator;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/** Failures injected through {@code POST /sim/faults}: the next N calls of an endpoint answer an error. */
final class Faults {

    /** @param endpoint e.g. {@code POST /2/tweets}; @param status HTTP status to answer; @param times how many calls */
    record Fault(String endpoint, int status, int times) {}

    private final List<Fault> pending = new ArrayList<>();

    synchronized void add(Fault fault) {
        if (fault.status() < 400 || fault.status() > 599 || fault.times() < 1) {
            throw new IllegalArgumentException("A fault needs a status from 400 to 599 and times >= 1");
        }
        pending.add(fault);
    }

    synchronized Optional<Fault> take(String endpoint) {
        Iterator<Fault> it = pending.iterator();
        while (it.hasNext()) {
            Fault f = it.next();
            if (f.endpoint().equals(endpoint)) {
                it.remove();
                if (f.times() > 1) {
                    pending.add(new Fault(f.endpoint(), f.status(), f.times() - 1));
                }
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    synchronized void clear() {
        pending.clear();
    }
}
