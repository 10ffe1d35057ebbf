package org.ushs.gateway.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.ushs.gateway.resume.ResumePoint;
import org.ushs.gateway.subscription.Filter;
import org.ushs.gateway.subscription.Selector;

/** {@link CommandParser}: commands parsed; bad ones are 4000 or 4004 naming the field. */
class CommandParserTest {

  private static Command parse(String text) {
    return CommandParser.parse(text.replace('\'', '"'));
  }

  private static List<Selector> selectors(String... names) {
    return Stream.of(names).map(name -> Selector.parse(name).orElseThrow()).toList();
  }

  static Stream<Arguments> commands() {
    return Stream.of(
        Arguments.of("{'command':'ping'}", new Command.Ping()),
        Arguments.of("{'command':'ping','eventTypes':7}", new Command.Ping()),
        Arguments.of("{'command':'refresh','token':'a.b.c'}", new Command.Refresh("a.b.c")),
        Arguments.of(
            "{'command':'subscribe','eventTypes':['error','*']}",
            new Command.Subscribe(selectors("error", "*"), Filter.NONE)),
        Arguments.of(
            "{'command':'subscribe','eventTypes':['org.ushs.patch.generated'],'filters':{}}",
            new Command.Subscribe(selectors("org.ushs.patch.generated"), Filter.NONE)),
        Arguments.of(
            "{'command':'subscribe','eventTypes':['error'],'filters':{'service':'api',"
                + "'severity':['critical','high'],'session':'s-1'}}",
            new Command.Subscribe(
                selectors("error"), new Filter(Set.of("api"), Set.of("critical", "high"), "s-1"))),
        Arguments.of(
            "{'command':'subscribe','eventTypes':['session'],'filters':{'service':['a','b']}}",
            new Command.Subscribe(selectors("session"), new Filter(Set.of("a", "b"), null, null))),
        Arguments.of(
            "{'command':'subscribe','eventTypes':['health'],'filters':null}",
            new Command.Subscribe(selectors("health"), Filter.NONE)),
        Arguments.of(
            "{'command':'subscribe','eventTypes':['error'],'lastEventId':'e-1'}",
            new Command.Subscribe(selectors("error"), Filter.NONE, new ResumePoint.BareId("e-1"))),
        Arguments.of(
            "{'command':'subscribe','eventTypes':['error'],'lastEventId':'e-1',"
                + "'lastEventSource':'/s'}",
            new Command.Subscribe(
                selectors("error"), Filter.NONE, new ResumePoint.SourcedId("/s", "e-1"))),
        Arguments.of(
            "{'command':'subscribe','eventTypes':['error'],'lastEventId':'e-1',"
                + "'lastPosition':'00000000000000ab:42'}",
            new Command.Subscribe(
                selectors("error"), Filter.NONE, new ResumePoint.Position("00000000000000ab", 42))),
        Arguments.of(
            "{'command':'subscribe','eventTypes':['error'],'lastEventId':'earliest'}",
            new Command.Subscribe(selectors("error"), Filter.NONE, new ResumePoint.Earliest())),
        Arguments.of(
            "{'command':'unsubscribe','eventTypes':['deployment','org.ushs.error.detected']}",
            new Command.Unsubscribe(selectors("deployment", "org.ushs.error.detected"))),
        Arguments.of(
            "{'command':'unsubscribe','eventTypes':['error'],'filters':{'x':1}}",
            new Command.Unsubscribe(selectors("error"))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("commands")
  void commandIsParsed(String text, Command expected) {
    assertEquals(expected, parse(text));
  }

  @Test
  void selectorsKeepTheNamesAsSent() {
    Command.Subscribe subscribe =
        (Command.Subscribe) parse("{'command':'subscribe','eventTypes':['session','error']}");
    assertEquals(
        List.of("session", "error"), subscribe.selectors().stream().map(Selector::name).toList());
  }

  /** Columns: the message (' for "), the code, the field. */
  @ParameterizedTest(name = "{0} -> {1} {2}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          not json                                           | 4000 | message
          {'command':'subscribe','eventTypes':['error'],'lastPosition':'abc:1'} | 4000 | lastPosition
          {'command':'subscribe','eventTypes':['error'],'lastPosition':7}       | 4000 | lastPosition
          {'command':'subscribe','eventTypes':['error'],'lastEventId':[1]}      | 4000 | lastEventId
          {'command':'subscribe','eventTypes':['error'],'lastPosition':'00000000000000ab:99999999999999999999'} | 4000 | lastPosition
          ''                                                 | 4000 | message
          null                                               | 4000 | message
          ['command']                                        | 4000 | message
          'subscribe'                                        | 4000 | message
          42                                                 | 4000 | message
          {'command':'ping'} trailing                        | 4000 | message
          {}                                                 | 4000 | command
          {'command':null}                                   | 4000 | command
          {'command':1}                                      | 4000 | command
          {'command':['ping']}                               | 4000 | command
          {'command':'refresh'}                              | 4000 | token
          {'command':'refresh','token':''}                   | 4000 | token
          {'command':'refresh','token':['a.b.c']}            | 4000 | token
          {'command':'PING'}                                 | 4000 | command
          {'command':'publish'}                              | 4000 | command
          {'command':'subscribe'}                            | 4000 | eventTypes
          {'command':'subscribe','eventTypes':'error'}       | 4000 | eventTypes
          {'command':'subscribe','eventTypes':{'a':1}}       | 4000 | eventTypes
          {'command':'subscribe','eventTypes':[]}            | 4000 | eventTypes
          {'command':'subscribe','eventTypes':['error',1]}   | 4000 | eventTypes
          {'command':'subscribe','eventTypes':[null]}        | 4000 | eventTypes
          {'command':'subscribe','eventTypes':[['error']]}   | 4000 | eventTypes
          {'command':'unsubscribe'}                          | 4000 | eventTypes
          {'command':'unsubscribe','eventTypes':[]}          | 4000 | eventTypes
          {'command':'unsubscribe','eventTypes':[true]}      | 4000 | eventTypes
          {'command':'subscribe','eventTypes':['errors']}    | 4004 | eventTypes
          {'command':'subscribe','eventTypes':['error','org.ushs.metrics.cpu']} | 4004 | eventTypes
          {'command':'subscribe','eventTypes':['Error']}     | 4004 | eventTypes
          {'command':'unsubscribe','eventTypes':['']}        | 4004 | eventTypes
          {'command':'subscribe','eventTypes':['*'],'filters':'api'}                  | 4000 | filters
          {'command':'subscribe','eventTypes':['*'],'filters':['api']}                | 4000 | filters
          {'command':'subscribe','eventTypes':['*'],'filters':{'services':'api'}}     | 4000 | filters.services
          {'command':'subscribe','eventTypes':['*'],'filters':{'service':1}}          | 4000 | filters.service
          {'command':'subscribe','eventTypes':['*'],'filters':{'service':{'a':1}}}    | 4000 | filters.service
          {'command':'subscribe','eventTypes':['*'],'filters':{'service':['a',2]}}    | 4000 | filters.service
          {'command':'subscribe','eventTypes':['*'],'filters':{'severity':'high'}}    | 4000 | filters.severity
          {'command':'subscribe','eventTypes':['*'],'filters':{'severity':[1]}}       | 4000 | filters.severity
          {'command':'subscribe','eventTypes':['*'],'filters':{'session':5}}          | 4000 | filters.session
          {'command':'subscribe','eventTypes':['*'],'filters':{'session':['s-1']}}    | 4000 | filters.session
          {'command':'subscribe','eventTypes':['*'],'filters':{'severity':['urgent']}} | 4004 | filters.severity
          {'command':'subscribe','eventTypes':['*'],'filters':{'severity':['high','HIGH']}} | 4004 | filters.severity
          """)
  void badCommandIsRefusedNamingTheField(String text, int code, String field) {
    ProtocolError e = assertThrows(ProtocolError.class, () -> parse(text));
    assertEquals(code, e.code().code);
    assertEquals(
        code == 4000 ? ErrorCode.INVALID_MESSAGE : ErrorCode.INVALID_SUBSCRIPTION, e.code());
    assertEquals(field, e.field());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          {'command':'subscribe','eventTypes':['nope']}     | unknown event type: nope
          {'command':'subscribe','eventTypes':[]}           | must name at least one event type
          {'command':'subscribe','eventTypes':[1]}          | must be an array of strings
          {'command':'frobnicate'}                          | unknown command: must be subscribe, unsubscribe, ping or refresh
          {}                                                | required: a string
          [1]                                               | must be a JSON object
          """)
  void errorSaysWhatIsWrong(String text, String error) {
    assertEquals(error, assertThrows(ProtocolError.class, () -> parse(text)).error());
  }
}
