package io.camelparadigm.component.paradigm;

import java.nio.file.Path;

import io.camelparadigm.component.paradigm.model.ParadigmFile;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * Run by {@link LargeUploadHeapTest} in its own small-heap JVM: uploads one file through the component and prints
 * the created id and the peak heap used. Arguments: base URL, API key, workspace id, file.
 */
public final class LargeUploadProbe {

    private LargeUploadProbe() {
    }

    public static void main(String[] args) throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            ParadigmComponent paradigm = context.getComponent("paradigm", ParadigmComponent.class);
            paradigm.getConfiguration().setBaseUrl(args[0]);
            paradigm.getConfiguration().setApiKey(args[1]);
            context.start();
            ProducerTemplate template = context.createProducerTemplate();
            ParadigmFile file = template.requestBody(
                    "paradigm:upload?maxFileSize=1000000000&responseTimeout=300000&workspaceId=" + args[2],
                    Path.of(args[3]), ParadigmFile.class);
            System.out.println("UPLOADED " + file.id());
        }
    }
}
