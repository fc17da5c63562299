namespace WeakSegPortal.Web.Tests.Security;

/// <summary>The ids a matrix call carries: a project, its item, its guideline example and its model version.</summary>
public sealed record MatrixIds(Guid Project, Guid Item, Guid Example, Guid ModelVersion);
