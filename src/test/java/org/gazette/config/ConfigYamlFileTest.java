package org.gazette.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigYamlFileTest {

  private static List<ConfigException.Problem> problemsOf(String yaml) {
    Problems problems = new Problems("t.yaml");
    YamlFile.parse(yaml, problems);
    return problems.sorted();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      a list at the top  | '- a\\n- b\\n'              | 1 | expected a mapping of keys (key: value) at the top, found a list
      a scalar at the top| 'just text\\n'             | 1 | expected a mapping of keys (key: value) at the top, found a single value
      two documents      | 'a: 1\\n---\\nb: 2\\n'     | 3 | more than one YAML document
      a tab indent       | 'a:\\n\\tb: 1\\n'          | 2 | YAML syntax error: found character '\\t(TAB)' that cannot start any token
      a bad indent       | 'a: 1\\n  b: 2\\n'         | 2 | YAML syntax error: mapping values are not allowed here
      an open quote      | 'a: 1\\nb: "x\\n'          | 3 | YAML syntax error: found unexpected end of stream (while scanning a quoted scalar started at line 2)
      an alias           | 'a: &x 1\\nb: *x\\n'       | 2 | YAML aliases (*x) are not supported
      """)
  void reportsWithTheLine(String what, String yaml, int line, String message) {
    List<ConfigException.Problem> problems = problemsOf(yaml.replace("\\n", "\n").replace("\\t", "\t"));

    assertThat(problems).hasSize(1);
    assertThat(problems.get(0).line()).isEqualTo(line);
    assertThat(problems.get(0).message()).contains(message.replace("\\t", "\\t"));
  }

  @Test
  void keepsTheLineAndPathOfEveryValue() {
    Problems problems = new Problems("t.yaml");
    Node root = YamlFile.parse("# c\na: 1\nb:\n  c: [x,\n    y]\n  d:\n    - z\n", problems);

    assertThat(problems.isEmpty()).isTrue();
    Node b = root.entries().get("b");
    assertThat(b.line()).isEqualTo(3);
    Node c = b.entries().get("c");
    assertThat(c.path()).isEqualTo("b.c");
    assertThat(c.items()).extracting(Node::path, Node::line)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("b.c[0]", 4),
            org.assertj.core.groups.Tuple.tuple("b.c[1]", 5));
    assertThat(b.entries().get("d").items().get(0).line()).isEqualTo(7);
  }

  @Test
  void emptyFileIsAnEmptyMapping() {
    Problems problems = new Problems("t.yaml");

    assertThat(YamlFile.parse("", problems).entries()).isEmpty();
    assertThat(YamlFile.parse("\uFEFF# only a comment\n", problems).entries()).isEmpty();
    assertThat(problems.isEmpty()).isTrue();
  }

  @Test
  void bareKeyAndNullBothMeanNoValue() {
    Node root = YamlFile.parse("a:\nb: ~\nc: null\nd: x\n", new Problems("t.yaml"));

    assertThat(root.entries().values()).extracting(Node::isBlank)
        .containsExactly(true, true, true, false);
  }
}
