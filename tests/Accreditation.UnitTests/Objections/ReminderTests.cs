using Accreditation.Objections.Domain;

namespace Accreditation.UnitTests.Objections;

public sealed class ReminderTests
{
    static readonly DateTimeOffset Opened = new(2026, 5, 1, 9, 0, 0, TimeSpan.Zero);
    static readonly DateTimeOffset Deadline = Opened.AddDays(14);
    static readonly TimeSpan Lead = TimeSpan.FromDays(2);

    static Circulation Window(DateTimeOffset opened) => new(Guid.NewGuid(), Guid.NewGuid(), "Working Group on Firearms", opened, Deadline);

    [Theory]
    [InlineData(-3, false)] // before the lead time
    [InlineData(-2, true)]  // the lead time starts
    [InlineData(-1, true)]
    [InlineData(0, false)]  // the deadline itself: the window is closed
    [InlineData(1, false)]
    public void States_are_reminded_within_the_lead_time_before_the_deadline(int daysFromDeadline, bool due) =>
        Assert.Equal(due, Window(Opened).IsDueForReminder(Deadline.AddDays(daysFromDeadline), Lead));

    [Fact]
    public void A_window_opened_inside_the_lead_time_gets_no_reminder() =>
        Assert.False(Window(Deadline.AddDays(-1)).IsDueForReminder(Deadline.AddHours(-12), Lead));
}
