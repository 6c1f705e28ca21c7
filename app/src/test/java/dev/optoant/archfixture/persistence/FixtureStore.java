package dev.optoant.archfixture.persistence;

/** Fixture: an adapter class that another fixture adapter wrongly calls. */
public final class FixtureStore {
    public void save() {
        // nothing
    }
}
