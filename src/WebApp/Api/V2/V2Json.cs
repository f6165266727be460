using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace WebApp.Api.V2;

/// <summary>The JSON conventions of the AssemblyAI API: snake_case names, nulls written out, errors as {"error": "..."}.</summary>
public static class V2Json
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        // Always served as application/json, never into HTML, so text like "it's" can stay as it is (as AssemblyAI writes it).
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    public static JsonHttpResult<ApiError> Error(int statusCode, string message) =>
        TypedResults.Json(new ApiError(message), Options, statusCode: statusCode);

    public static JsonHttpResult<T> Ok<T>(T value) => TypedResults.Json(value, Options);

    /// <summary>What <see cref="Ok{T}"/> answers with, for bodies serialised ahead (<see cref="Serialize{T}"/>).</summary>
    public const string ContentType = "application/json; charset=utf-8";

    public static byte[] Serialize<T>(T value) => JsonSerializer.SerializeToUtf8Bytes(value, Options);
}

/// <summary>AssemblyAI's error body.</summary>
public sealed record ApiError(string Error);
