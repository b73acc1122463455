using System.Text.Json;

namespace IdeTracker.Server.Tests.Lsp;

/// <summary>Every message the server sent the test client, in order, with a way to wait for one.</summary>
public sealed class ClientNotifications
{
    private readonly Lock _gate = new();
    private readonly List<(string Method, JsonElement Params)> _received = [];
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Add(string method, JsonElement parameters)
    {
        TaskCompletionSource changed;
        lock (_gate)
        {
            _received.Add((method, parameters.Clone()));
            changed = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        changed.TrySetResult();
    }

    public IReadOnlyList<JsonElement> Of(string method)
    {
        lock (_gate)
        {
            return _received.Where(r => r.Method == method).Select(r => r.Params).ToList();
        }
    }

    public int Count(string method) => Of(method).Count;

    /// <summary>Waits for a message of <paramref name="method"/>, after the first <paramref name="skip"/> of them,
    /// that satisfies <paramref name="match"/>.</summary>
    public async Task<JsonElement> WaitForAsync(string method, Func<JsonElement, bool>? match = null, int skip = 0, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                var found = _received.Where(r => r.Method == method).Skip(skip).Select(r => r.Params)
                    .Where(p => match?.Invoke(p) ?? true).ToList();
                if (found.Count > 0)
                {
                    return found[0];
                }

                changed = _changed.Task;
            }

            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero)
            {
                throw new TimeoutException($"no {method} notification matched within the timeout; received: {Describe()}");
            }

            await Task.WhenAny(changed, Task.Delay(left)).ConfigureAwait(false);
        }
    }

    private string Describe()
    {
        lock (_gate)
        {
            return string.Join(", ", _received.Select(r => r.Method));
        }
    }
}
