namespace WeakSegPortal.Web.Tests.Security;

/// <summary>The ids a matrix call carries: a project, its item, its guideline example, its model version and its export.</summary>
public sealed record MatrixIds(Guid Project, Guid Item, Guid Example, Guid ModelVersion, Guid Export);
