package io.camelparadigm.emulator.contract;

import static io.camelparadigm.emulator.contract.ParadigmContract.assertConforms;
import static io.camelparadigm.emulator.contract.ParadigmContract.assertResponseConforms;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import io.camelparadigm.emulator.ContractChecks;
import io.camelparadigm.emulator.ParadigmEmulatorExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every answer of {@code GET /api/v3/workspaces} against the contract. */
class WorkspacesContractTest {

    private static final String WORKSPACES = "/api/v3/workspaces";

    /** Its tests check requests themselves ({@link ParadigmContract}), some off-contract on purpose: the referee judges answers. */
    @RegisterExtension
    static final ParadigmEmulatorExtension EMULATOR = ParadigmEmulatorExtension.builder()
            .contractChecks(ContractChecks.ANSWERS).build();

    @AfterEach
    void resetFaults() {
        EMULATOR.faults().reset();
    }

    private static EmulatorHttp http() {
        return new EmulatorHttp(EMULATOR.baseUrl(), EMULATOR.apiKey());
    }

    @Test
    void listConforms() {
        Exchange list = assertConforms(http().get(WORKSPACES));

        assertThat(list.status()).isEqualTo(200);
        assertThat(Json.of(list).get("results")).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void pagesConformIncludingNextAndPrevious() {
        Exchange first = assertConforms(http().get(WORKSPACES, Map.of("page_size", 1)));
        Exchange second = assertConforms(http().getUrl(Json.of(first).get("next").asText()));

        assertThat(Json.of(second).get("previous").isTextual()).isTrue();
    }

    @Test
    void unauthorizedAnswerConforms() {
        Exchange list = assertResponseConforms(http().withKey(null).get(WORKSPACES));

        assertThat(list.status()).isEqualTo(401);
    }

    @Test
    void rateLimitedAndMaintenanceAnswersConform() {
        EMULATOR.faults().rateLimitPerMinute(1);
        assertConforms(http().get(WORKSPACES));
        Exchange limited = assertConforms(http().get(WORKSPACES));
        EMULATOR.faults().reset().maintenance(Duration.ofMinutes(1));
        Exchange maintenance = assertConforms(http().get(WORKSPACES));

        assertThat(limited.status()).isEqualTo(429);
        assertThat(maintenance.status()).isEqualTo(503);
    }
}
