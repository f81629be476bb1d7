package org.gazette.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LabeledLinesTest {

  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiterString = "=>",
      textBlock = """
          責任編輯: 連政                                => 連政
          - 責任編輯: 連政                              => 連政
          （责任编辑：王晓明）                            => 王晓明
          [責任編輯:張三]                               => 張三
          來源: 外交部網站 責任編輯: 連政                 => 連政
          編輯：李四 2020-03-18                          => 李四
          Editor: Mary Smith                            => Mary Smith
          """)
  void readsTheEditor(String line, String editor) {
    assertThat(LabeledLines.editor(line)).hasValue(editor);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiterString = "=>",
      textBlock = """
          來源: 外交部網站                                  => 外交部網站
          来源：新华网                                     => 新华网
          发布时间：2020年03月10日 15:42 来源：新华网 作者：李明 => 新华网
          本文來源:環球時報 | 編輯:王五                      => 環球時報
          Source: Associated Press                         => Associated Press
          """)
  void readsTheSource(String line, String source) {
    assertThat(LabeledLines.source(line)).hasValue(source);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiterString = "=>",
      textBlock = """
          最后更新: 2020-03-18 22:36:10                  => true
          2020年03月10日 15:42 来源：新华社               => true
          發布時間：2020-03-18 22:36 更新時間：2020-03-18 23:00 => true
          責任編輯: 連政                                  => true
          来源：新华网                                    => true
          （责任编辑：王晓明）                              => true
          Source: Electric Reliability Council of Texas   => true
          June 2, 2021                                    => true
          據外交部網站消息,2020年3月18日,國務委員兼外長王毅應約同俄羅斯外長拉夫羅夫通電話。 => false
          2020年3月18日,國務委員兼外長王毅應約同俄羅斯外長拉夫羅夫通電話,雙方就抗疫合作交換意見。 => false
          The plant reopened on June 2, 2021 after repairs that took most of the spring. => false
          Open source: a community story                  => false
          拉夫羅夫表示,在習近平主席領導下,中方采取了強有力舉措。 => false
          05/10/2018 - Publicado por: Clarissa Borba - Categoria: Saúde - Tags: sad carro => true
          Posted by: Ann Lee | Filed under: Local news, Politics => true
          The author: a teacher from Leeds who wrote about the bridge for ten years => false
          Tags: the word the council used, at the start of its long report on the old bridge => false
          """)
  void tellsMetaLinesFromStoryText(String line, boolean meta) {
    assertThat(LabeledLines.isMetaLine(line, SHANGHAI)).isEqualTo(meta);
  }
}
