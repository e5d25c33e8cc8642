global using Xunit;
global using KnowledgeGraph.Driver;
global using Record = KnowledgeGraph.Driver.Record;
