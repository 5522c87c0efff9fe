package dev.sluice.store;

import dev.sluice.model.User;
import java.util.Optional;

/** Accounts, by e-mail address (compared case-insensitively: stored lower-cased). */
public interface UserRepository {
    Optional<User> find(long id);

    Optional<User> findByEmail(String email);

    /** The account for {@code email}, created on the free plan if it does not exist yet. */
    User findOrCreate(String email);

    boolean setPlan(String email, String plan);
}
