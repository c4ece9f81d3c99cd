package org.tensorflow.lite.micro;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.io.DataInputStream;
import java.io.File;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.Test;

/**
 * Issue 20, point 7: the Maven artifact (//java:maven_artifact): Java 11 class files, the version
 * in its manifest and pom equal to TensorFlowLite.VERSION, the JNI library inside. Installing it
 * and running examples/java_maven with `mvn -o` is tools/maven_smoke_test.sh.
 */
public class PackagingTest {
  private static final int JAVA_11_CLASS_FILE = 55;

  private static File artifact(String extension) {
    return TestData.runfile(
        "java/maven/tflite-micro-" + TensorFlowLite.VERSION + "." + extension);
  }

  @Test
  public void classFilesAreForJava11() throws Exception {
    int classes = 0;
    try (JarFile jar = new JarFile(artifact("jar"))) {
      for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
        JarEntry entry = e.nextElement();
        if (!entry.getName().endsWith(".class")) {
          continue;
        }
        try (DataInputStream in = new DataInputStream(jar.getInputStream(entry))) {
          assertEquals(0xCAFEBABE, in.readInt());
          in.readUnsignedShort(); // minor
          assertEquals(entry.getName(), JAVA_11_CLASS_FILE, in.readUnsignedShort());
        }
        classes++;
      }
    }
    assertTrue(classes > 5);
  }

  @Test
  public void versionAndCoordinates() throws Exception {
    try (JarFile jar = new JarFile(artifact("jar"))) {
      assertEquals(TensorFlowLite.VERSION,
          jar.getManifest().getMainAttributes().getValue("Implementation-Version"));
      assertNotNull("the JNI library is inside",
          jar.getEntry("org/tensorflow/lite/micro/native/libtflite_micro_jni.so"));
      JarEntry properties = jar.getJarEntry(
          "META-INF/maven/org.tensorflow.lite.micro/tflite-micro/pom.properties");
      try (InputStream in = jar.getInputStream(properties)) {
        String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(text, text.contains("version=" + TensorFlowLite.VERSION));
      }
    }
    String pom = new String(
        java.nio.file.Files.readAllBytes(artifact("pom").toPath()), StandardCharsets.UTF_8);
    assertTrue(pom.contains("<groupId>org.tensorflow.lite.micro</groupId>"));
    assertTrue(pom.contains("<artifactId>tflite-micro</artifactId>"));
    assertTrue(pom.contains("<version>" + TensorFlowLite.VERSION + "</version>"));
  }
}
