package io.camelparadigm.examples.state;

import java.io.File;

import org.apache.camel.CamelContext;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.processor.state.FileStateRepository;

/** Where an example keeps its position in a source: the repository bound under a name, else a file. */
public final class StateRepositories {

    private StateRepositories() {
    }

    /**
     * The {@code StateRepository<String, String>} bound as {@code beanName} (JDBC, cluster-backed...), else a Camel
     * {@link FileStateRepository} at {@code file}, started and stopped with the context.
     */
    public static StateRepository<String, String> boundOrFile(CamelContext context, String beanName, File file) {
        @SuppressWarnings("unchecked")
        StateRepository<String, String> bound = context.getRegistry().lookupByNameAndType(beanName,
                StateRepository.class);
        if (bound != null) {
            return bound;
        }
        FileStateRepository repository = FileStateRepository.fileStateRepository(file);
        try {
            context.addService(repository);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot open the state file " + file, e);
        }
        return repository;
    }
}
