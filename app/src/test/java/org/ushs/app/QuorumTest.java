package org.ushs.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.hazelcast.cluster.Address;
import com.hazelcast.cluster.Member;
import com.hazelcast.cluster.impl.MemberImpl;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The log's quorum is a majority of the members listed in {@code USHS_CLUSTER_MEMBERS}, from three
 * listed on; members not listed and lite members never count toward it.
 */
@Tag("unit")
class QuorumTest {

  private static final List<String> LISTED =
      List.of("10.0.0.1:5701", "10.0.0.2:5701", "localhost:5703");

  @ParameterizedTest(name = "{0} configured -> minimum {1}")
  @CsvSource({"0, 0", "1, 0", "2, 0", "3, 2", "4, 3", "5, 3", "6, 4", "7, 4"})
  void majorityOfTheConfiguredMembers(int configured, int minimum) {
    List<String> members = Arrays.stream(new String[configured]).map(x -> "10.0.0.1:5701").toList();
    assertEquals(minimum, Quorum.of(members).map(Quorum::minimumSize).orElse(0));
  }

  /** Members as {@code address:port}; a trailing {@code L} makes a lite member. */
  @ParameterizedTest(name = "{0} -> {1} listed present")
  @CsvSource({
    "'10.0.0.1:5701', 1",
    "'10.0.0.1:5701 10.0.0.2:5701', 2",
    "'10.0.0.1:5701 10.0.0.9:5701', 1", // a node added later with the seeds' list
    "'10.0.0.1:5701 10.0.0.9:5701 10.0.0.8:5701', 1", // unlisted nodes never make a majority
    "'10.0.0.1:5701 10.0.0.2:5701L', 1", // a healing service bound to a listed address
    "'10.0.0.1:5702 10.0.0.2:5701', 1", // same host, another port
    "'127.0.0.1:5703 10.0.0.2:5701', 2", // a listed name resolves to the member's address
    "'127.0.0.1:5701', 0",
    "'', 0"
  })
  void countsListedFullMembersOnly(String members, int present) throws UnknownHostException {
    assertEquals(present, ListedMembers.of(LISTED).present(members(members)));
  }

  @ParameterizedTest(name = "{0} listed, {1} present -> quorum {2}")
  @CsvSource({"'10.0.0.1:5701 10.0.0.9:5701', false", "'10.0.0.1:5701 10.0.0.2:5701', true"})
  void aSplitCannotGiveBothSidesAMajority(String members, boolean majority)
      throws UnknownHostException {
    Quorum quorum = Quorum.of(LISTED).orElseThrow();
    assertEquals(majority, quorum.listed().present(members(members)) >= quorum.minimumSize());
  }

  private static List<Member> members(String spec) throws UnknownHostException {
    List<Member> members = new ArrayList<>();
    for (String member : spec.split(" ", -1)) {
      if (member.isEmpty()) {
        continue;
      }
      boolean lite = member.endsWith("L");
      String[] hostPort = member.replace("L", "").split(":", 2);
      members.add(
          new MemberImpl.Builder(new Address(hostPort[0], Integer.parseInt(hostPort[1])))
              .uuid(UUID.randomUUID())
              .liteMember(lite)
              .build());
    }
    return members;
  }
}
