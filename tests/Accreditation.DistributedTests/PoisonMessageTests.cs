using Accreditation.Contracts;
using Accreditation.DistributedTests.Infrastructure;
using MassTransit;
using RegistrationV1 = Accreditation.Registration.V1;

namespace Accreditation.DistributedTests;

/// <summary>A message no retry can fix ends in the consumer's _error queue with its exception; the rest flows on.</summary>
[Collection(DistributedCollection.Name)]
public sealed class PoisonMessageTests(DistributedSystem system)
{
    readonly Api _api = new(system);

    [Fact]
    public async Task A_poison_message_lands_in_the_error_queue_with_its_exception_while_other_traffic_keeps_flowing()
    {
        // A window closure for an application Registration has never seen: its handler fails on every attempt.
        var poison = new ObjectionWindowClosed(Guid.NewGuid(), Guid.NewGuid(), DateTimeOffset.UtcNow, DateTimeOffset.UtcNow,
            [new ObjectionTally(Guid.NewGuid(), 0)]);
        var poisonId = Guid.NewGuid();
        var bus = Bus.Factory.CreateUsingRabbitMq(cfg => cfg.Host("127.0.0.1", (ushort)system.AmqpPort, "/", host =>
        {
            host.Username("accreditation");
            host.Password(File.ReadAllText(Path.Combine(system.RunDirectory, "rabbitmq", "password")).Trim());
        }));
        await bus.StartAsync();
        try
        {
            await bus.Publish(poison, context => context.MessageId = poisonId);

            // Meanwhile an organization applies and is told so: Registration -> RabbitMQ -> Notifications.
            var officer = await _api.OfficerTokenAsync();
            var dialogue = await _api.CreateDialogueAsync(officer);
            var user = await _api.SignUpAsync();
            var organization = await _api.CreateOrganizationAsync(user, "Flowing Traffic Observatory");
            var application = await _api.ApplyAsync(user, organization.OrganizationId, dialogue.DialogueId);
            await _api.ScreenEligibleAsync(officer, application.ApplicationId);
            await Api.EventuallyAsync(() => _api.NoticesAsync(user.Token),
                n => n.Any(x => x.Kind == "application-eligible" && x.ApplicationId == application.ApplicationId), "the eligible notice");
            Assert.Equal(RegistrationV1.ApplicationState.Eligible, (await _api.GetAsync(user, application.ApplicationId)).State);

            // rabbitmqctl shows it waiting in registration_error (after five retries with backoff).
            await Api.EventuallyAsync(() => system.QueueDepthsAsync(), q => q.GetValueOrDefault("registration_error") >= 1,
                "the poison message in registration_error");
            // The operator's log line and the message itself, with its exception in the MT-Fault headers.
            Assert.Contains(system.Logs("registration").SelectMany(File.ReadLines), line => line.Contains($"{poisonId}") && line.Contains("failed after its retries"));
            var dead = await ReadErrorQueueAsync(bus, "registration_error", poisonId);
            Assert.Equal(poison.CirculationId, dead.Message.CirculationId);
            Assert.Contains("not found", dead.Exception, StringComparison.OrdinalIgnoreCase);
        }
        finally
        {
            await bus.StopAsync();
        }
    }

    /// <summary>Takes the message off the error queue (as an operator's tool would) and returns it with its fault header.</summary>
    static async Task<(ObjectionWindowClosed Message, string Exception)> ReadErrorQueueAsync(IBusControl bus, string queue, Guid messageId)
    {
        var found = new TaskCompletionSource<(ObjectionWindowClosed, string)>(TaskCreationOptions.RunContinuationsAsynchronously);
        var handle = bus.ConnectReceiveEndpoint(queue, endpoint =>
        {
            if (endpoint is IRabbitMqReceiveEndpointConfigurator rabbit)
                rabbit.ConfigureConsumeTopology = false;
            endpoint.Handler<ObjectionWindowClosed>(context =>
            {
                if (context.MessageId == messageId)
                    found.TrySetResult((context.Message, context.ReceiveContext.TransportHeaders.Get<string>("MT-Fault-Message") ?? ""));
                return Task.CompletedTask;
            });
        });
        await handle.Ready;
        try
        {
            return await found.Task.WaitAsync(TimeSpan.FromSeconds(30));
        }
        finally
        {
            await handle.StopAsync();
        }
    }
}
