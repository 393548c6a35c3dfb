package dev.purista.cli.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlannerTest {
  private static final Planner.ModelWriter MODEL =
      hashes -> new ProposedFile("purista.json", hashes.toString(), Ownership.MODEL);

  private final InMemoryOutput disk = new InMemoryOutput();

  private Plan plan(Map<String, String> recorded, boolean force, ProposedFile... files) throws IOException {
    return new Planner(disk, recorded, force).plan(List.of(files), MODEL);
  }

  private static ProposedFile regenerated(String path, String content) {
    return new ProposedFile(path, content, Ownership.REGENERATED);
  }

  private static ProposedFile userOwned(String path, String content) {
    return new ProposedFile(path, content, Ownership.USER_OWNED);
  }

  private Action action(Plan plan, String path) {
    return plan.entries().stream().filter(e -> e.path().equals(path)).findFirst().orElseThrow().action();
  }

  @Test
  void createsMissingFilesInPathOrderWithTheModelLast() throws IOException {
    Plan plan = plan(Map.of(), false, userOwned("b.txt", "b"), regenerated("a.txt", "a"));
    assertEquals(List.of("a.txt", "b.txt", "purista.json"), plan.entries().stream().map(PlanEntry::path).toList());
    assertTrue(plan.entries().stream().allMatch(e -> e.action() == Action.CREATE));
  }

  @Test
  void recordsTheHashOfEveryRegeneratedFileButNotOfUserOwnedOnes() throws IOException {
    Plan plan = plan(Map.of(), false, userOwned("b.txt", "b"), regenerated("a.txt", "a"));
    String model = plan.entries().get(2).file().content();
    assertEquals("{a.txt=" + ContentHash.of("a") + "}", model);
  }

  @Test
  void leavesIdenticalFilesAlone() throws IOException {
    disk.writeAll(List.of(regenerated("a.txt", "a"), userOwned("b.txt", "b")));
    Plan plan = plan(Map.of("a.txt", ContentHash.of("a")), false, regenerated("a.txt", "a"), userOwned("b.txt", "b"));
    assertEquals(Action.IDENTICAL, action(plan, "a.txt"));
    assertEquals(Action.IDENTICAL, action(plan, "b.txt"));
    assertEquals(List.of("purista.json"), plan.writes().stream().map(ProposedFile::path).toList());
  }

  @Test
  void updatesARegeneratedFileTheUserDidNotTouch() throws IOException {
    disk.writeAll(List.of(regenerated("a.txt", "old")));
    Plan plan = plan(Map.of("a.txt", ContentHash.of("old")), false, regenerated("a.txt", "new"));
    assertEquals(Action.UPDATE, action(plan, "a.txt"));
    assertFalse(plan.hasConflicts());
  }

  @Test
  void aRegeneratedFileChangedByHandIsAConflict() throws IOException {
    disk.writeAll(List.of(regenerated("a.txt", "old, edited")));
    Plan plan = plan(Map.of("a.txt", ContentHash.of("old")), false, regenerated("a.txt", "new"));
    PlanEntry conflict = plan.conflicts().get(0);
    assertEquals("a.txt", conflict.path());
    assertEquals("regenerated file changed by hand", conflict.note());
  }

  @Test
  void aForeignFileWhereARegeneratedOneGoesIsAConflict() throws IOException {
    disk.writeAll(List.of(regenerated("a.txt", "mine")));
    Plan plan = plan(Map.of(), false, regenerated("a.txt", "new"));
    assertEquals("a file purista did not write is in the way", plan.conflicts().get(0).note());
  }

  @Test
  void anExistingDifferentUserOwnedFileIsAConflict() throws IOException {
    disk.writeAll(List.of(userOwned("b.txt", "mine")));
    Plan plan = plan(Map.of(), false, userOwned("b.txt", "skeleton"));
    assertEquals(Action.CONFLICT, action(plan, "b.txt"));
  }

  @Test
  void forceTurnsConflictsIntoUpdatesAndSaysSo() throws IOException {
    disk.writeAll(List.of(regenerated("a.txt", "edited"), userOwned("b.txt", "mine")));
    Plan plan = plan(Map.of("a.txt", ContentHash.of("old")), true, regenerated("a.txt", "new"),
        userOwned("b.txt", "skeleton"));
    assertFalse(plan.hasConflicts());
    assertEquals(Action.UPDATE, action(plan, "a.txt"));
    assertEquals(Action.UPDATE, action(plan, "b.txt"));
    assertTrue(plan.entries().get(0).note().startsWith("--force: "));
  }

  @Test
  void theModelIsNeverAConflict() throws IOException {
    disk.writeAll(List.of(new ProposedFile("purista.json", "hand edited", Ownership.MODEL)));
    Plan plan = plan(Map.of(), false);
    assertEquals(Action.UPDATE, action(plan, "purista.json"));
  }
}
