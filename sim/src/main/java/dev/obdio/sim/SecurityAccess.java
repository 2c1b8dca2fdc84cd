package dev.obdio.sim;

import dev.obdio.uds.ObdioXorRotateAdd;
import java.util.HashMap;
import java.util.Map;

/**
 * UDS SecurityAccess (0x27) of one ECU: seeds from the vehicle seed, keys by
 * {@link ObdioXorRotateAdd} (the one implementation, shared with the UDS client), a zero seed when
 * the level is already unlocked, and an attempt counter: after {@code maxAttempts} wrong keys NRC 0x36 and a lock-out of {@code delayMs} during
 * which seed requests get 0x37. The lock-out survives ECU resets and session changes.
 */
final class SecurityAccess {
    private static final int SID = 0x27;
    private static final int SEED_CHANNEL = 6000;

    private static final class Level {
        final SecurityLevelSpec spec;
        long seed = -1;
        int failures;
        long lockedUntil = Long.MIN_VALUE;

        Level(SecurityLevelSpec spec) {
            this.spec = spec;
        }
    }

    private final Map<Integer, Level> levels = new HashMap<>();
    private final UdsState state;
    private final long seedKey;
    private long seedCounter;

    SecurityAccess(EcuDescription ecu, UdsState state, long vehicleSeed, int ecuIndex) {
        this.state = state;
        this.seedKey = vehicleSeed + 31L * ecuIndex;
        for (SecurityLevelSpec s : ecu.security()) {
            levels.put(s.level(), new Level(s));
        }
    }

    /** Forgets issued seeds (session change, reset): a key must answer a seed of this session. */
    void forgetSeeds() {
        levels.values().forEach(l -> l.seed = -1);
    }

    Answer handle(byte[] req, long now) {
        if (req.length < 2) {
            return Answer.negative(SID, Nrc.INCORRECT_LENGTH);
        }
        int sub = req[1] & 0x7F;
        boolean suppress = (req[1] & 0x80) != 0;
        boolean seedRequest = sub % 2 == 1;
        int levelId = seedRequest ? sub : sub - 1;
        Level level = levels.get(levelId);
        if (sub == 0 || level == null) {
            return Answer.negative(SID, Nrc.SUB_FUNCTION_NOT_SUPPORTED);
        }
        if (!level.spec.sessions().contains(state.session())) {
            return Answer.negative(SID, Nrc.SUB_FUNCTION_NOT_SUPPORTED_IN_SESSION);
        }
        if (seedRequest) {
            if (req.length != 2) {
                return Answer.negative(SID, Nrc.INCORRECT_LENGTH);
            }
            if (now < level.lockedUntil) {
                return Answer.negative(SID, Nrc.REQUIRED_TIME_DELAY_NOT_EXPIRED);
            }
            ResponseBuilder out = new ResponseBuilder().u8(0x67).u8(req[1] & 0xFF);
            if (state.unlocked(levelId)) {
                out.u32(0);
            } else {
                long seed = Noise.hash(seedKey, SEED_CHANNEL + levelId, seedCounter++) & 0xFFFF_FFFFL;
                level.seed = seed == 0 ? 1 : seed;
                out.u32(level.seed);
            }
            return suppress ? Answer.NONE : Answer.positive(out);
        }
        if (req.length != 6) {
            return Answer.negative(SID, Nrc.INCORRECT_LENGTH);
        }
        if (now < level.lockedUntil) {
            return Answer.negative(SID, Nrc.REQUIRED_TIME_DELAY_NOT_EXPIRED);
        }
        if (level.seed < 0) {
            return Answer.negative(SID, Nrc.REQUEST_SEQUENCE_ERROR);
        }
        long key = ((req[2] & 0xFFL) << 24) | ((req[3] & 0xFFL) << 16) | ((req[4] & 0xFFL) << 8) | (req[5] & 0xFFL);
        long expected = ObdioXorRotateAdd.key(level.seed, new ObdioXorRotateAdd.Secret(level.spec.secret(), level.spec.rotate()));
        level.seed = -1;
        if (key != expected) {
            level.failures++;
            if (level.failures >= level.spec.maxAttempts()) {
                level.failures = 0;
                level.lockedUntil = now + level.spec.delayMs() * UdsState.MS;
                return Answer.negative(SID, Nrc.EXCEEDED_NUMBER_OF_ATTEMPTS);
            }
            return Answer.negative(SID, Nrc.INVALID_KEY);
        }
        level.failures = 0;
        state.unlock(levelId);
        return suppress ? Answer.NONE : Answer.positive(new ResponseBuilder().u8(0x67).u8(req[1] & 0xFF));
    }
}
