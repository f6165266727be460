namespace WebApp.Infrastructure;

public static class ServiceScopes
{
    /// <summary>
    /// Runs one operation in a scope (and so a DbContext) of its own. Interactive pages live as long as the circuit,
    /// so they take a scope per operation instead of holding one DbContext for their whole lifetime.
    /// </summary>
    public static async Task<T> InScopeAsync<T>(this IServiceScopeFactory scopes, Func<IServiceProvider, Task<T>> operation)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await operation(scope.ServiceProvider);
    }
}
