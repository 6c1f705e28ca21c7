package dev.optoant.archfixture.upstream;

import dev.optoant.archfixture.persistence.FixtureStore;

/** Deliberately broken fixture: one adapter calling another directly. */
public final class UpstreamReachingIntoPersistence {
    public void call() {
        new FixtureStore().save();
    }
}
